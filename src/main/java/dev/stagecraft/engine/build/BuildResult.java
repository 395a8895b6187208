package dev.stagecraft.engine.build;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a build ended: the image on success, else the error, whether it was cancelled, the step
 * that failed (null if none did, e.g. a Dockerfile syntax error), and whether the engine went away
 * (the connection broke or closed before the build ended). The classic builder also reports each
 * stage's last image by stage index (0 = first FROM); BuildKit leaves that empty (see
 * {@link StageImages}). Immutable.
 */
public record BuildResult(boolean success, String imageId, String error, double seconds, boolean cancelled,
        BuildEvent.StepFailed failedStep, Map<Integer, String> stageImages, boolean engineLost) {

    public BuildResult {
        stageImages = Collections.unmodifiableMap(new TreeMap<>(stageImages));
        if (engineLost && (success || cancelled)) {
            throw new IllegalArgumentException("a build the engine dropped neither succeeded nor was cancelled");
        }
    }

    /** A result where the engine stayed. */
    public BuildResult(boolean success, String imageId, String error, double seconds, boolean cancelled,
            BuildEvent.StepFailed failedStep, Map<Integer, String> stageImages) {
        this(success, imageId, error, seconds, cancelled, failedStep, stageImages, false);
    }

    static BuildResult ok(String imageId, double seconds, Map<Integer, String> stageImages) {
        return new BuildResult(true, imageId, null, seconds, false, null, stageImages);
    }

    static BuildResult failed(String error, double seconds, boolean cancelled, BuildEvent.StepFailed step) {
        return new BuildResult(false, null, error, seconds, cancelled, step, Map.of());
    }

    /** The engine went away during the build; {@code error} says how. */
    static BuildResult engineLost(String error, double seconds) {
        return new BuildResult(false, null, error, seconds, false, null, Map.of(), true);
    }

    /** The event that reports this result to listeners. */
    BuildEvent.Finished event() {
        return new BuildEvent.Finished(success, imageId, error, seconds);
    }
}
