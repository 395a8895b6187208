package dev.stagecraft.ui.build;

/** A stage's progress in a build: steps done of those expected, and its state. Immutable. */
public record StageStatus(int index, String name, int done, int total, StepState state) {

    /** "3/5 steps". */
    public String progressText() {
        return Math.min(done, total) + "/" + total + " steps";
    }

    /** What the stage list shows: "builder   3/5 steps   running". */
    public String describe() {
        return name + "   " + progressText() + "   " + state.css();
    }
}
