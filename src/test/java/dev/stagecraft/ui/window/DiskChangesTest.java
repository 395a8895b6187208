package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file changed by someone else while it is open: reloaded when untouched, asked about otherwise. */
class DiskChangesTest extends WindowTestBase {
    @TempDir
    Path dir;

    @Test
    void anUntouchedFileFollowsTheDiskSilently() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS one\n");
        assertTrue(open(f));
        // another editor saves the way vim and git do: a new file renamed over the old one
        Path tmp = dir.resolve(".Dockerfile.swp");
        Files.writeString(tmp, "FROM alpine AS one\nFROM one AS two\n");
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitUntil(() -> text().equals("FROM alpine AS one\nFROM one AS two\n"), 10);
        waitUntil(() -> window.graph().nodeCount() == 2, 5); // the graph follows the reloaded text
        assertTrue(!window.document().isDirty());
    }

    @Test
    void editsAreNeverLostToTheDiskAndSaveAsksBeforeOverwriting() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS one\n");
        assertTrue(open(f));
        clickOn(area());
        interact(() -> area().moveTo(area().getLength()));
        write("# mine\n");
        Files.writeString(f, "FROM alpine AS theirs\n"); // a git checkout, say
        waitUntil(() -> lookup("#changed-on-disk").tryQuery().isPresent(), 10);
        assertEquals("FROM alpine AS one\n# mine\n", text(), "the edits stay");
        clickOn("Keep My Changes");
        shortcut(KeyCode.S);
        waitUntil(() -> lookup("Overwrite").tryQuery().isPresent());
        clickWhenShown("Cancel");
        assertEquals("FROM alpine AS theirs\n", Files.readString(f), "not overwritten without asking");
        assertTrue(window.document().isDirty());
        shortcut(KeyCode.S);
        waitUntil(() -> lookup("Overwrite").tryQuery().isPresent());
        clickWhenShown("Overwrite");
        waitUntil(() -> !window.document().isDirty());
        assertEquals("FROM alpine AS one\n# mine\n", Files.readString(f));
    }

    @Test
    void reloadFromDiskTakesTheirVersion() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS one\n");
        assertTrue(open(f));
        clickOn(area());
        write("# mine\n");
        Files.writeString(f, "FROM alpine AS theirs\n");
        waitUntil(() -> lookup("#changed-on-disk").tryQuery().isPresent(), 10);
        clickWhenShown("Reload from Disk");
        waitUntil(() -> text().equals("FROM alpine AS theirs\n"));
        assertTrue(!window.document().isDirty());
    }
}
