package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.NodePosition;
import dev.stagecraft.project.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open, save, close: bytes kept, positions kept, unsaved changes asked about, bad files refused. */
class FileTest extends WindowTestBase {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void saveWritesOnlyTheEditAndKeepsCrlf() throws IOException {
        Path f = write("Dockerfile", "FROM alpine AS a\r\nRUN echo one\r\n\r\nFROM a\r\n");
        assertTrue(open(f));
        assertEquals("Dockerfile \u2014 Stagecraft", window.stage().getTitle());
        clickOn(area());
        interact(() -> area().moveTo(area().getText().indexOf("one") + 3));
        write(" two");
        assertTrue(window.stage().getTitle().startsWith("\u2022 "));
        shortcut(KeyCode.S);
        waitUntil(() -> !window.document().isDirty());
        assertArrayEquals("FROM alpine AS a\r\nRUN echo one two\r\n\r\nFROM a\r\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(f));
        assertEquals("Dockerfile \u2014 Stagecraft", window.stage().getTitle());
    }

    @Test
    void positionsSurviveSaveAndReopenAndNothingIsWrittenBesideTheFile() throws IOException {
        Path f = write("app.Dockerfile", Template.GO.text());
        assertTrue(open(f));
        Map<String, NodePosition> moved = Map.of("builder", new NodePosition(40, 60), "#1", new NodePosition(300, 60));
        interact(() -> window.graph().setPositions(moved));
        clickOn(area());
        shortcut(KeyCode.HOME);
        write("# note\n");
        shortcut(KeyCode.S);
        waitUntil(() -> !window.document().isDirty());
        assertTrue(await(() -> window.files().close()));
        assertEquals("", text());
        assertTrue(open(f));
        assertEquals(moved, window.graph().positions());
        assertTrue(text().startsWith("# note\n"));
        try (var listed = Files.list(dir)) {
            assertEquals(List.of(f), listed.toList(), "no sidecar, no temporary file beside the Dockerfile");
        }
    }

    @Test
    void closingWithUnsavedChangesAsks() {
        clickOn(area());
        shortcut(KeyCode.HOME);
        write("# edited\n");
        shortcut(KeyCode.W);
        waitUntil(() -> lookup("Don't Save").tryQuery().isPresent());
        clickWhenShown("Cancel");
        assertTrue(text().startsWith("# edited\n"));
        shortcut(KeyCode.W);
        clickWhenShown("Don't Save");
        waitUntil(() -> text().isEmpty());
        assertEquals("", text());
        assertFalse(window.document().isDirty());
    }

    @Test
    void binaryFilesAreRefusedClearly() throws IOException {
        Path f = dir.resolve("image.png");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        startGesture(() -> window.files().open(f));
        waitUntil(() -> lookup("Cannot open image.png").tryQuery().isPresent());
        assertTrue(lookup(".dialog-pane .content").queryLabeled().getText().contains("binary"));
        clickWhenShown("OK");
        assertEquals(Template.GO.text(), text(), "the current document stays");
    }

    @Test
    void openedFilesAreInOpenRecent() throws IOException {
        Path f = write("recent.Dockerfile", "FROM a AS x\nFROM x\n");
        assertTrue(open(f));
        assertEquals(f.toAbsolutePath().toString(), window.files().recentFiles().get(0));
    }

    @Test
    void aTemporaryFileLeftByAnInterruptedSaveIsOfferedForDeletion() throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine AS one\n");
        Path leftover = Files.writeString(dir.resolve(".Dockerfile.stagecraft-save-4242.tmp"), "FROM alp");
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(600)));
        assertTrue(open(f));
        waitUntil(() -> lookup("#save-leftovers").tryQuery().isPresent(), 10);
        String said = lookup("#save-leftovers .notice-text").queryLabeled().getText();
        assertTrue(said.contains(".Dockerfile.stagecraft-save-4242.tmp") && said.contains("build context"), said);
        clickOn("Delete");
        waitUntil(() -> !Files.exists(leftover), 10);
        assertTrue(Files.exists(f), "the Dockerfile itself stays");
        assertEquals("FROM alpine AS one\n", Files.readString(f));
    }
}
