package dev.stagecraft.report;

import dev.stagecraft.engine.build.BuildResult;

/**
 * How a build ended: its result, the size report when it succeeded, and otherwise one line saying
 * why, with the Dockerfile line of the failing instruction when there is one. {@code reportSeconds}
 * is how long the size report took after the target was built (per-stage images and measuring).
 * Immutable.
 */
public record BuildOutcome(BuildResult result, SizeReport report, String message, Integer failedLine,
                           double reportSeconds) {
    public BuildOutcome(BuildResult result, SizeReport report, String message, Integer failedLine) {
        this(result, report, message, failedLine, 0);
    }

    public boolean success() {
        return report != null;
    }

    public boolean cancelled() {
        return result != null && result.cancelled();
    }
}
