package dev.stagecraft.ui.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintRunner;
import dev.stagecraft.ui.editor.DockerfileEditor;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+. pressed before the lint thread has linted the text (a huge file just opened) never lints
 * on the FX thread: the menu says it is waiting and fills in when the lint thread's result comes;
 * a text changed meanwhile drops the request. The lint thread is held back by hand here, so
 * "before the first lint" is certain, not a race.
 */
class QuickFixWaitsForTheLintThreadTest {
    private static final String TEXT = "FROM debian:bookworm-slim\nRUN apt-get install curl\n";

    /** The lint thread, held: jobs run when the test says. */
    private static final class HeldWorker implements Executor {
        private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable r) {
            jobs.add(r);
        }

        synchronized int waiting() {
            return jobs.size();
        }

        void runAll() {
            Runnable r;
            while ((r = poll()) != null) {
                r.run();
            }
        }

        private synchronized Runnable poll() {
            return jobs.poll();
        }
    }

    private HeldWorker worker;
    private DocumentViewModel document;
    private DockerfileEditor editor;
    private LintController lint;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        worker = new HeldWorker();
        fx(() -> {
            document = new DocumentViewModel(LintRunner.on(worker, Platform::runLater));
            document.newDocument(TEXT);
            editor = new DockerfileEditor(document::getGraph);
            editor.setText(TEXT);
            lint = new LintController(document, editor, () -> null, null, Map.of());
            stage = new Stage();
            stage.setScene(new Scene(editor, 600, 300));
            stage.show();
            editor.area().moveTo(TEXT.indexOf("curl"));
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void ctrlDotBeforeTheFirstLintWaitsForTheLintThreadInsteadOfLintingOnTheFxThread() throws Exception {
        assertEquals(1, worker.waiting(), "the first lint is queued on the lint thread");
        List<String> shown = fx(() -> {
            lint.quickFix();
            return items();
        });
        assertTrue(fx(() -> document.lintProperty().get() == null), "nothing was linted on the FX thread");
        assertEquals(1, worker.waiting(), "the lint thread's job is still the only lint");
        assertEquals(List.of("Linting\u2026"), shown, "the menu says it waits");

        worker.runAll(); // the lint thread gets to it
        WaitForAsyncUtils.waitForFxEvents();
        List<String> filled = fx(this::items);
        assertTrue(filled.contains("DL3014: Add -y"), filled.toString());
        assertTrue(fx(() -> lint.fixMenu().isShowing()));

        fx(() -> {
            lint.fixMenu().getItems().stream().filter(i -> "DL3014: Add -y".equals(i.getText())).findFirst()
                    .orElseThrow().fire();
            return null;
        });
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get install -y curl\n", fx(() -> editor.area().getText()));
    }

    @Test
    void aResultAlreadyThereIsUsedAtOnce() throws Exception {
        worker.runAll();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = fx(() -> {
            lint.quickFix();
            return items();
        });
        assertTrue(shown.contains("DL3014: Add -y"), shown.toString());
    }

    @Test
    void aTextChangedBeforeTheResultComesDropsTheWaitingMenu() throws Exception {
        fx(() -> {
            lint.quickFix();
            return null;
        });
        assertTrue(fx(() -> lint.fixMenu().isShowing()));
        fx(() -> {
            document.newDocument(TEXT + "RUN true\n"); // another text: the waiting request is not about it
            return null;
        });
        worker.runAll();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> lint.fixMenu().isShowing()), "a menu for a text no longer there is closed");
        assertNotNull(fx(() -> document.lintProperty().get()), "the new text is linted on the lint thread");
    }

    @Test
    void fixAllAndExplainBeforeTheFirstLintAlsoWaitForTheLintThread() throws Exception {
        fx(() -> {
            lint.fixAllOfRule();
            return null;
        });
        assertTrue(fx(() -> document.lintProperty().get() == null), "nothing was linted on the FX thread");
        assertEquals(TEXT, fx(() -> editor.area().getText()));
        worker.runAll();
        WaitForAsyncUtils.waitForFxEvents();
        String fixed = fx(() -> editor.area().getText());
        assertFalse(fixed.equals(TEXT), "Fix All applied once the lint thread answered: " + fixed);
    }

    private List<String> items() {
        return lint.fixMenu() == null ? List.of() : lint.fixMenu().getItems().stream().map(MenuItem::getText).toList();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

}
