package dev.stagecraft.ui.engine;

import dev.stagecraft.ui.Tips;
import javafx.scene.control.Label;

/** The status-bar label for the engine: up (versions) or down (why, and what to do). FX thread only. */
public final class EngineStatusView extends Label {
    public EngineStatusView(EngineMonitor monitor) {
        setId("engine-status");
        getStyleClass().add("engine-status");
        textProperty().bind(monitor.summaryProperty());
        Tips.lazy(this, null, tip -> tip.textProperty().bind(monitor.summaryProperty()));
        monitor.statusProperty().addListener((o, was, s) -> {
            getStyleClass().removeAll("engine-up", "engine-down");
            getStyleClass().add(s != null && s.up() ? "engine-up" : "engine-down");
        });
    }
}
