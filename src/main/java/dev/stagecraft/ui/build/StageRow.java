package dev.stagecraft.ui.build;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A stage's progress in the running build: steps done of total, and its state. FX thread only. */
public final class StageRow {
    private final int index;
    private final String name;
    private final IntegerProperty done = new SimpleIntegerProperty(this, "done");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final StringProperty state = new SimpleStringProperty(this, "state", StepState.WAITING);

    public StageRow(int index, String name, int total) {
        this.index = index;
        this.name = name;
        this.total.set(total);
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public StringProperty stateProperty() {
        return state;
    }

    /** "3/5 steps". */
    public String progressText() {
        return Math.min(done.get(), total.get()) + "/" + total.get() + " steps";
    }
}
