package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.NodePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One document at a time, through the menus as a user goes: a second file starts from its own
 * state (positions, zoom, Build tab), going back to the first shows it as it was, a template
 * starts afresh, and what is remembered survives a relaunch without one file's state reaching
 * another's.
 */
class DocumentLifecycleTest extends WindowTestBase {
    private static final String A = """
            FROM busybox AS base
            FROM base AS build
            RUN make
            FROM scratch AS final
            COPY --from=build /a /a
            """;
    private static final String B = """
            FROM alpine AS fetch
            FROM fetch AS compile
            FROM scratch AS release
            COPY --from=compile /b /b
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    /** The node of stage {@code name} in the graph pane shown now. */
    private Node node(String name) {
        Node label = lookup(".node-name").match(n -> name.equals(((Text) n).getText())).query();
        Node n = label;
        while (!n.getStyleClass().contains("stage-node")) {
            n = n.getParent();
        }
        return n;
    }

    private void openRecent(Path file) {
        clickOn("File").clickOn("Open Recent").clickOn(file.toAbsolutePath().toString());
        waitUntil(() -> file.toAbsolutePath().equals(window.document().fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Map<String, NodePosition> positions() {
        return window.graph().positions();
    }

    @Test
    void eachFileKeepsItsOwnGraphZoomAndBuildTab() throws IOException {
        Path a = write("a/Dockerfile", A);
        Path b = write("b/Dockerfile", B);
        Path bCopy = write("b2/Dockerfile", B);
        assertTrue(open(bCopy));
        Map<String, NodePosition> bLaidOut = positions(); // B's own layout, from a pane that never showed A
        assertTrue(open(b));
        assertTrue(open(a));

        Point2D before = node("build").localToScreen(30, 30);
        drag(before, MouseButton.PRIMARY).moveBy(140, 90).drop();
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        clickOn("#build-options-toggle"); // the options start folded
        clickOn("#build-tags").write("a:1");
        Map<String, NodePosition> aMoved = positions();
        double[] aView = window.graph().viewport();
        assertNotEquals(bLaidOut.get("compile"), aMoved.get("build"), "the drag moved A's node");

        openRecent(b);
        assertEquals(bLaidOut, positions(), "B is laid out as B, not placed where A's nodes were");
        assertNull(window.graph().viewport(), "B fits its pane; A's zoom and pan stay with A");
        assertEquals("", lookup("#build-tags").queryAs(TextField.class).getText(), "B's own build options");
        assertEquals(List.of(), window.builds().buildModel().steps());
        assertEquals(List.of(), window.builds().buildModel().log());
        assertEquals("", window.builds().buildModel().contextSummaryProperty().get());

        openRecent(a);
        assertEquals(aMoved, positions(), "A as it was left");
        assertArrayEquals(aView, window.graph().viewport(), 1e-9, "A's zoom and pan");
        assertEquals("a:1", lookup("#build-tags").queryAs(TextField.class).getText());

        clickOn("File").clickOn("New from Template").clickOn("Go static binary");
        waitUntil(() -> window.document().fileProperty().get() == null);
        assertNull(window.graph().viewport());
        assertEquals("", lookup("#build-tags").queryAs(TextField.class).getText(), "a template starts afresh");
        assertTrue(window.graph().positions().keySet().contains("builder"));

        // quit, relaunch: each file comes back with its own state
        shortcut(KeyCode.Q);
        stores.close();
        stores = WindowStores.at(config.resolve("config"), config.resolve("state"));
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        assertTrue(open(b));
        assertEquals(bLaidOut, positions(), "what was remembered for B is B's");
        assertTrue(open(a));
        assertEquals(aMoved, positions());
        assertArrayEquals(aView, window.graph().viewport(), 1e-9);
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        assertEquals("a:1", lookup("#build-tags").queryAs(TextField.class).getText());
    }

    @Test
    void resetLayoutForgetsMovedNodes() throws IOException {
        Path a = write("a/Dockerfile", A);
        Path copy = write("a2/Dockerfile", A);
        assertTrue(open(copy));
        Map<String, NodePosition> laidOut = positions();
        assertTrue(open(a));
        drag(node("build").localToScreen(30, 30), MouseButton.PRIMARY).moveBy(150, 120).drop();
        assertNotEquals(laidOut, positions());
        clickOn("View").clickOn("Arrange Automatically");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(laidOut, positions());
        assertNull(window.graph().viewport(), "fitted again");
    }

    @Test
    void aFileThatCannotBeOpenedLeavesTheDocumentWholeAndSaveWritesOnlyItsOwnFile() throws IOException {
        Path a = write("a/Dockerfile", A);
        Path binary = dir.resolve("tool");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        assertTrue(open(a));
        clickOn(area());
        interact(() -> area().moveTo(0));
        write("# mine\n");
        startGesture(() -> window.files().openWithoutAsking(binary));
        waitUntil(() -> lookup("Cannot open tool").tryQuery().isPresent());
        clickWhenShown("OK");
        assertEquals(a.toAbsolutePath(), window.document().fileProperty().get());
        assertEquals("# mine\n" + A, text());
        shortcut(KeyCode.S);
        waitUntil(() -> !window.document().isDirty());
        assertEquals("# mine\n" + A, Files.readString(a));
        assertEquals(7, Files.size(binary), "the file that could not be opened is untouched");
    }

    /** A large text's keystrokes are read when typing pauses: opening stays clean, Save right after typing writes it all. */
    @Test
    void aLargeFileOpensCleanAndSaveRightAfterTypingWritesWhatWasTyped() throws IOException {
        String filler = "RUN echo " + "x".repeat(1000) + "\n";
        String large = "FROM alpine AS base\n"
                + filler.repeat(dev.stagecraft.ui.document.DocumentViewModel.DEFERRED_PARSE_CHARS / filler.length() + 1);
        Path a = write("a/Dockerfile", large);
        assertTrue(open(a));
        assertFalse(window.document().isDirty(), "opened, not edited");
        assertFalse(window.document().parsePending(), "its text is parsed once, when it is read");
        clickOn(area());
        interact(() -> area().moveTo(0));
        write("# mine\n");
        shortcut(KeyCode.S); // no pause needed: Save reads the typing first
        waitUntil(() -> !window.document().isDirty());
        assertEquals("# mine\n" + large, Files.readString(a));
        assertFalse(window.stage().getTitle().startsWith("\u2022"), window.stage().getTitle());
    }

    @Test
    void aFailedSaveAsLeavesTheDocumentWhereItWas() throws IOException {
        Path a = write("a/Dockerfile", A);
        assertTrue(open(a));
        clickOn(area());
        write("# edit\n");
        Path nowhere = dir.resolve("missing-folder/sub/Dockerfile");
        startGesture(() -> window.files().saveAs(nowhere));
        waitUntil(() -> lookup("Cannot save Dockerfile").tryQuery().isPresent());
        clickWhenShown("OK");
        assertEquals(a.toAbsolutePath(), window.document().fileProperty().get(), "still the file it was");
        assertTrue(window.document().isDirty());
        assertTrue(Files.notExists(nowhere));
    }
}
