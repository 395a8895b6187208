package dev.stagecraft.ui.window;

import dev.stagecraft.project.SettingsStore;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.UiThread;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Remembers the window size and the divider positions in the settings: restores them when the
 * window opens, hands them to the settings store (written off the FX thread) when they change and
 * when the window closes. FX thread only.
 */
final class WindowMemory {
    private final SettingsStore store;
    private final Settings settings;

    WindowMemory(SettingsStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    void restoreSize(Stage stage) {
        stage.setWidth(width());
        stage.setHeight(height());
        stage.setMaximized(settings.maximized);
    }

    /** The remembered width of the window. */
    double width() {
        return clamp(settings.windowWidth, 640, 10000);
    }

    /** The remembered height of the window. */
    double height() {
        return clamp(settings.windowHeight, 480, 10000);
    }

    /**
     * Divider positions only stick once the split panes have their final size: they are set
     * again on each of the first size changes of the window (until it has settled).
     */
    void restoreDividers(SplitPane graphAndText, SplitPane topAndBottom) {
        Runnable apply = () -> {
            graphAndText.setDividerPositions(clamp(settings.graphDivider, 0.1, 0.9));
            topAndBottom.setDividerPositions(clamp(settings.bottomDivider, 0.2, 0.95));
        };
        apply.run();
        javafx.beans.InvalidationListener sized = new javafx.beans.InvalidationListener() {
            private int remaining = 4;

            @Override
            public void invalidated(javafx.beans.Observable o) {
                apply.run();
                if (--remaining == 0) {
                    topAndBottom.heightProperty().removeListener(this);
                }
            }
        };
        topAndBottom.heightProperty().addListener(sized);
        UiThread.later(apply);
    }

    /**
     * From a second after the window shows (when restoring is over), every change of its size or
     * of a divider is remembered as it happens, so a killed app keeps the layout of a second ago.
     */
    void follow(Stage stage, SplitPane graphAndText, SplitPane topAndBottom) {
        boolean[] settled = {false};
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        wait.setOnFinished(e -> settled[0] = true);
        wait.play();
        javafx.beans.InvalidationListener changed = o -> {
            if (settled[0] && stage.isShowing()) {
                capture(stage, graphAndText, topAndBottom);
                save();
            }
        };
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
        graphAndText.getDividers().get(0).positionProperty().addListener(changed);
        topAndBottom.getDividers().get(0).positionProperty().addListener(changed);
    }

    void capture(Stage stage, SplitPane graphAndText, SplitPane topAndBottom) {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        settings.graphDivider = graphAndText.getDividerPositions()[0];
        settings.bottomDivider = topAndBottom.getDividerPositions()[0];
    }

    /** Hands the settings to the store; it writes them within half a second, off this thread. */
    void save() {
        store.update(settings);
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }
}
