package dev.stagecraft.engine.build;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * One thing that happened during a build, as either builder reports it. Immutable values, made on
 * the builder's background thread and safe to hand to any other thread.
 *
 * <p>A step is named as the builders name it: {@code stage} is the stage name ({@code builder}), or
 * {@code stage-N} for an unnamed stage N of a multi-stage file, or null in a single-stage file, or
 * {@code internal} for BuildKit's own work (loading the Dockerfile, the context). {@code step} and
 * {@code total} count instructions within the stage (BuildKit) or the whole file (classic); they
 * are 0 for work that is no Dockerfile instruction (exporting the image). {@code vertex} identifies
 * the step for its logs: BuildKit's vertex digest, or {@code step-N} for the classic builder.
 */
public sealed interface BuildEvent {

    /** An event about one step: started, cached, completed or failed. */
    sealed interface StepEvent extends BuildEvent permits StepStarted, StepCached, StepCompleted, StepFailed {
        String stage();

        int step();

        int total();

        String instruction();

        String vertex();
    }

    /** A step began to run (or to be checked against the cache). */
    record StepStarted(String stage, int step, int total, String instruction, String vertex) implements StepEvent {
    }

    /** A step was served from the cache: it will not run. */
    record StepCached(String stage, int step, int total, String instruction, String vertex) implements StepEvent {
    }

    /** A step finished without error. */
    record StepCompleted(String stage, int step, int total, String instruction, String vertex, Duration duration) implements StepEvent {
    }

    /** A step failed; {@code logTail} holds its last output lines, oldest first. */
    record StepFailed(String stage, int step, int total, String instruction, String vertex, String error,
            List<String> logTail) implements StepEvent {
        public StepFailed {
            logTail = List.copyOf(logTail);
        }
    }

    /** Output of a step, one or more lines without the final newline. */
    record Log(String vertex, String stage, int step, String text) implements BuildEvent {
    }

    /** A warning from the builder; {@code line} is the Dockerfile line it points at, if any. */
    record Warning(String text, OptionalInt line) implements BuildEvent {
    }

    /**
     * The build context about to be sent, before any builder starts: its folder, how many files and
     * bytes pass {@code .dockerignore}, and above 100 MB a warning naming what is largest (else null).
     */
    record Context(String directory, int files, long bytes, String warning) implements BuildEvent {
    }

    /** The image the build produced (before {@link Finished}). */
    record ImageBuilt(String imageId) implements BuildEvent {
    }

    /** The last event of every build: {@code imageId} when it succeeded, else {@code error}. */
    record Finished(boolean success, String imageId, String error, double seconds) implements BuildEvent {
    }
}
