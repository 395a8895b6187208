package dev.stagecraft.ui.window;

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
 * test, and offers the gestures the tests drive: typing, shortcuts, dialogs. A test fails when
 * Stagecraft's code blocks the FX thread ({@link dev.stagecraft.testing.FxThreadWatch}).
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.stagecraft.testing.FxThreadWatch.class)
abstract class WindowTestBase extends FxRobot {
    /** Settings and state of this test's window (each test starts from none). */
    @TempDir
    Path config;

    MainWindow window;
    WindowStores stores;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() {
        stores = WindowStores.at(config.resolve("config"), config.resolve("state"));
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        interact(() -> javafx.stage.Window.getWindows().stream().toList().stream()
                .filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
        stores.close();
    }

    /** Runs a file gesture (open, save, close...) on the FX thread and waits for it to finish. */
    boolean await(java.util.function.Supplier<java.util.concurrent.CompletableFuture<Boolean>> gesture) {
        java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<Boolean>> started =
                new java.util.concurrent.CompletableFuture<>();
        interact(() -> started.complete(gesture.get()));
        try {
            boolean done = started.get().get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return done;
        } catch (Exception e) {
            throw new AssertionError("the gesture did not finish", e);
        }
    }

    /** Opens {@code file} as File ▸ Open does and waits until it is shown (or refused). */
    boolean open(Path file) {
        return await(() -> window.files().open(file));
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
        waitUntil(condition, 5);
    }

    static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /** Clicks the button (or other node) {@code query} once it is on screen: dialogs take a moment to show. */
    void clickWhenShown(String query) {
        waitUntil(() -> lookup(query).match(javafx.scene.Node::isVisible)
                .match(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .tryQuery().isPresent(), 10);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(query);
    }

    void setText(String text) {
        interact(() -> {
            area().replaceText(text);
            area().getUndoManager().forgetHistory();
        });
    }
}
