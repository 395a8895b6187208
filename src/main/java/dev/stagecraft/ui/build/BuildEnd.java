package dev.stagecraft.ui.build;

/** How a build the window ran ended, as its history and the graph show it. */
public enum BuildEnd {
    SUCCEEDED("succeeded"), FAILED("failed"), CANCELLED("cancelled");

    private final String label;

    BuildEnd(String label) {
        this.label = label;
    }

    /** The word the history table shows. */
    public String label() {
        return label;
    }
}
