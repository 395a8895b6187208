package dev.stagecraft.ui.engine;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The status-bar label for the engine: up (versions) or down (why, and what to do). FX thread only. */
public final class EngineStatusView extends Label {
    public EngineStatusView(EngineMonitor monitor) {
        setId("engine-status");
        getStyleClass().add("engine-status");
        textProperty().bind(monitor.summaryProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(monitor.summaryProperty());
        setTooltip(tip);
        monitor.statusProperty().addListener((o, was, s) -> {
            getStyleClass().removeAll("engine-up", "engine-down");
            getStyleClass().add(s != null && s.up() ? "engine-up" : "engine-down");
        });
    }
}
