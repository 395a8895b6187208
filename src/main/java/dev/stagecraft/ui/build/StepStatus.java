package dev.stagecraft.ui.build;

/**
 * One step of a build as the Build tab lists it: its stage (index, -1 when it belongs to no stage
 * of the file, and the name shown), the builder's step number ("2/5"), the instruction, its state and
 * how long it took ("1.5 s", "cached", or empty). Immutable.
 */
public record StepStatus(int stage, String stageName, String step, String instruction, StepState state,
                         String duration) {

    StepStatus with(StepState newState, String newDuration) {
        return new StepStatus(stage, stageName, step, instruction, newState, newDuration);
    }
}
