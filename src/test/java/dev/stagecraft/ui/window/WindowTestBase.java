package dev.stagecraft.ui.window;

import dev.stagecraft.project.ProjectFiles;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real main window (starter example, settings in a temporary directory) for each
 * test, and offers the gestures the tests drive: typing, shortcuts, dialogs.
 */
abstract class WindowTestBase extends FxRobot {
    @TempDir
    static Path config;

    MainWindow window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() {
        interact(() -> {
            window = new MainWindow(new Stage(), new ProjectFiles(config), GraphPorts.create());
            window.show(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        interact(() -> javafx.stage.Window.getWindows().stream().toList().stream()
                .filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    }

    CodeArea area() {
        return window.editor().area();
    }

    String text() {
        return area().getText();
    }

    void shortcut(KeyCode key) {
        press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs a gesture that opens a modal dialog without waiting for the dialog to close. */
    void startGesture(Runnable gesture) {
        WaitForAsyncUtils.asyncFx(gesture);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 5 s", e);
        }
    }

    void setText(String text) {
        interact(() -> {
            area().replaceText(text);
            area().getUndoManager().forgetHistory();
        });
    }
}
