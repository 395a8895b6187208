package dev.stagecraft.ui.build;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One build arg in the options: the Dockerfile's ARG, its default, the value to send (editable). FX thread only. */
public final class BuildArgRow {
    private final String name;
    private final String defaultValue;
    private final StringProperty value;

    public BuildArgRow(String name, String defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.value = new SimpleStringProperty(this, "value", defaultValue == null ? "" : defaultValue);
    }

    public String name() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** Whether the value differs from what the Dockerfile would use anyway. */
    public boolean changed() {
        String d = defaultValue == null ? "" : defaultValue;
        return !d.equals(value.get());
    }
}
