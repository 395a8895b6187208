package dev.stagecraft.report;

import dev.stagecraft.engine.build.BuildResult;

/**
 * How a build ended: its result, the size report when it succeeded, and otherwise one line saying
 * why, with the Dockerfile line of the failing instruction when there is one. Immutable.
 */
public record BuildOutcome(BuildResult result, SizeReport report, String message, Integer failedLine) {
    public boolean success() {
        return report != null;
    }

    public boolean cancelled() {
        return result != null && result.cancelled();
    }
}
