package dev.stagecraft.ui.build;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of the running build: which stage, which instruction, its state and duration. FX thread only. */
public final class StepRow {
    private final int stage;
    private final String stageName;
    private final String step;
    private final String instruction;
    private final StringProperty state = new SimpleStringProperty(this, "state", StepState.WAITING);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    long startedNanos;

    public StepRow(int stage, String stageName, String step, String instruction) {
        this.stage = stage;
        this.stageName = stageName;
        this.step = step;
        this.instruction = instruction;
    }

    /** The stage index, or -1 when the step belongs to no stage of the file. */
    public int stage() {
        return stage;
    }

    public String stageName() {
        return stageName;
    }

    /** "2/5". */
    public String step() {
        return step;
    }

    public String instruction() {
        return instruction;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty durationProperty() {
        return duration;
    }
}
