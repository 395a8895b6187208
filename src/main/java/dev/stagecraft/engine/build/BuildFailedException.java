package dev.stagecraft.engine.build;

/** A build that a caller needed did not succeed; {@link #result()} says why. Immutable. */
public final class BuildFailedException extends Exception {
    private final transient BuildResult result;
    private final String stage;

    public BuildFailedException(String stage, BuildResult result) {
        super("building stage " + stage + " failed: " + result.error());
        this.stage = stage;
        this.result = result;
    }

    public String stage() {
        return stage;
    }

    public BuildResult result() {
        return result;
    }
}
