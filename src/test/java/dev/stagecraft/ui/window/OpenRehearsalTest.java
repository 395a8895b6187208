package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The open rehearsed after launch (the build turns it off for the other window tests): it runs
 * to the end in panes that are never shown and leaves the window as it was, stops at the user's
 * first key, and does not run when the window was launched with a file.
 */
class OpenRehearsalTest extends WindowTestBase {
    private String before;

    @BeforeEach
    void rehearse() {
        before = System.getProperty("stagecraft.rehearse");
        System.setProperty("stagecraft.rehearse", "true");
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("stagecraft.rehearse");
        } else {
            System.setProperty("stagecraft.rehearse", before);
        }
    }

    /** A new window, shown as at launch (the one the base class opened had rehearsals off). */
    private MainWindow launch(Path file) {
        interact(() -> window.stage().close());
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(file);
        });
        return window;
    }

    @Test
    void itRunsToTheEndAndLeavesTheWindowAsItWas() throws Exception {
        MainWindow w = launch(null);
        String text = text();
        int nodes = w.graph().nodeCount();
        int windows = javafx.stage.Window.getWindows().size();
        OpenRehearsal r = w.rehearsal();
        assertNotNull(r);
        waitUntil(r::over, 60);
        assertTrue(r.stepsPlanned() > 3, "a rehearsal has steps: " + r.stepsPlanned());
        assertEquals(r.stepsPlanned(), r.stepsRun(), "every step ran");
        assertFalse(r.interrupted(), "finished, not cut short: the ELK warm-up may go on");
        assertEquals(text, text(), "the window's text");
        assertEquals(nodes, w.graph().nodeCount(), "the window's graph");
        assertFalse(w.document().isDirty());
        assertEquals(windows, javafx.stage.Window.getWindows().size(), "nothing shown");
        assertEquals(w.editor().area().getUndoManager().isUndoAvailable(), false, "nothing to undo");
    }

    @Test
    void theFirstKeyStopsIt() {
        MainWindow w = launch(null);
        OpenRehearsal r = w.rehearsal();
        type(KeyCode.END); // the user's first key, most likely before the rehearsal has started
        int ran = interactAndGet(r::stepsRun);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertTrue(r.over());
        assertTrue(r.interrupted(), "cut short: the ELK warm-up makes way too");
        assertTrue(r.stepsPlanned() == 0 || ran < r.stepsPlanned(), "it had not finished: " + ran);
        assertEquals(ran, (int) interactAndGet(r::stepsRun), "no step after the key");
    }

    private <T> T interactAndGet(java.util.function.Supplier<T> s) {
        java.util.concurrent.atomic.AtomicReference<T> out = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> out.set(s.get()));
        return out.get();
    }

    @Test
    void openingAFileStopsIt() throws Exception {
        Path f = config.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS a\nFROM a\n");
        MainWindow w = launch(null);
        OpenRehearsal r = w.rehearsal();
        assertTrue(open(f));
        int ran = interactAndGet(r::stepsRun);
        assertTrue(r.over());
        assertTrue(r.interrupted());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertEquals(ran, (int) interactAndGet(r::stepsRun), "no step after the open");
        assertEquals("FROM alpine AS a\nFROM a\n", text());
    }

    @Test
    void aWindowLaunchedWithAFileDoesNotRehearse() throws Exception {
        Path f = config.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS a\nFROM a\n");
        MainWindow w = launch(f);
        assertNull(w.rehearsal());
    }

    @Test
    void theRehearsedTextIsABigValidMultiStageFile() {
        for (int round = 0; round < 3; round++) {
            StageGraph g = StageGraph.parse(OpenRehearsal.text(round));
            assertTrue(g.stages().size() >= 30, g.stages().size() + " stages");
            assertTrue(g.diagnostics().isEmpty(), g.diagnostics().toString());
            assertEquals(g.stages().size() - 1, g.target(), "the last stage is the target");
        }
    }
}
