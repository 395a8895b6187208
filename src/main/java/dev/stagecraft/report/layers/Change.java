package dev.stagecraft.report.layers;

/** What a layer, or a comparison, did to a path. */
public enum Change {
    ADDED("added"), MODIFIED("modified"), REMOVED("removed");

    private final String label;

    Change(String label) {
        this.label = label;
    }

    /** The word the reports use. */
    public String label() {
        return label;
    }
}
