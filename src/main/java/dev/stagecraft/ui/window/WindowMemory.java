package dev.stagecraft.ui.window;

import dev.stagecraft.project.ProjectFiles;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.UiThread;
import java.io.IOException;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Remembers the window size and the divider positions in the settings file: restores them when
 * the window opens, writes them when it closes. FX thread only.
 */
final class WindowMemory {
    private final ProjectFiles files;
    private final Settings settings;

    WindowMemory(ProjectFiles files, Settings settings) {
        this.files = files;
        this.settings = settings;
    }

    void restoreSize(Stage stage) {
        stage.setWidth(clamp(settings.windowWidth, 640, 10000));
        stage.setHeight(clamp(settings.windowHeight, 480, 10000));
        stage.setMaximized(settings.maximized);
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

    void capture(Stage stage, SplitPane graphAndText, SplitPane topAndBottom) {
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        settings.graphDivider = graphAndText.getDividerPositions()[0];
        settings.bottomDivider = topAndBottom.getDividerPositions()[0];
    }

    void save() {
        try {
            files.saveSettings(settings);
        } catch (IOException e) {
            System.err.println("stagecraft: cannot write settings: " + e.getMessage());
        }
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }
}
