package dev.stagecraft.ui.build;

/** The states a step or a stage shows; also the graph's state names (graph.css). */
public final class StepState {
    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String CACHED = "cached";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    private StepState() {
    }

    static boolean finished(String state) {
        return CACHED.equals(state) || DONE.equals(state) || FAILED.equals(state);
    }
}
