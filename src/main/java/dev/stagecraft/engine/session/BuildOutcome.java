package dev.stagecraft.engine.session;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildResult;
import java.util.Map;

/**
 * How a build session ended, as the user is told: its {@link Status}, one line saying why when
 * it did not succeed (with the Dockerfile line of the failing instruction when there is one), and
 * on success the graph that was built, the target's result and each needed stage's image by stage
 * index. {@code stageImagesSeconds} is how long the per-stage images took after the target was
 * built. Immutable.
 */
public record BuildOutcome(Status status, BuildResult result, String message, Integer failedLine, StageGraph graph,
                           Map<Integer, String> stageImages, double stageImagesSeconds) {

    /** How a session ended. */
    public enum Status {
        /** The target and every stage it needs have an image. */
        SUCCEEDED,
        /** A step failed, the engine refused the build, or the classic builder can't build the file. */
        FAILED,
        /** The user cancelled it. */
        CANCELLED,
        /**
         * Nothing was sent: the input can't be built as given (an unknown target, a Dockerfile or
         * build context that can't be read, no stage).
         */
        REFUSED,
        /** The engine did not answer in time or went away during the build. */
        ENGINE_LOST
    }

    public BuildOutcome {
        stageImages = stageImages == null ? Map.of() : Map.copyOf(stageImages);
    }

    /** An outcome without images: nothing built, or a build that failed with {@code result}. */
    public static BuildOutcome ended(Status status, BuildResult result, String message, Integer failedLine) {
        return new BuildOutcome(status, result, message, failedLine, null, Map.of(), 0);
    }

    /** Nothing was sent: {@code message} says what is wrong with the input. */
    public static BuildOutcome refused(String message) {
        return ended(Status.REFUSED, null, message, null);
    }

    /** The session was cancelled (with the builder's result, if a build had started). */
    public static BuildOutcome cancelled(BuildResult result) {
        return ended(Status.CANCELLED, result, "build cancelled", null);
    }

    public boolean success() {
        return status == Status.SUCCEEDED;
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }
}
