package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path tmp;

    @Test
    void anUpdateWritesASnapshotTakenWhenItWasMade() throws IOException {
        try (SettingsStore store = new SettingsStore(tmp.resolve("cfg"))) {
            Settings s = store.load();
            s.windowWidth = 999;
            s.theme = "dark";
            store.update(s);
            s.windowWidth = 1; // changed after the update, never passed again
            store.flush();
        }
        Settings back = new SettingsStore(tmp.resolve("cfg")).load();
        assertEquals(999, back.windowWidth);
        assertEquals("dark", back.theme);
    }

    @Test
    void aCorruptFileGivesDefaultsAndALogLine() throws IOException {
        Path cfg = Files.createDirectories(tmp.resolve("cfg"));
        Files.writeString(cfg.resolve("settings.json"), "{not json");
        try (LogCapture log = new LogCapture(SettingsStore.class); SettingsStore store = new SettingsStore(cfg)) {
            assertEquals(1280, store.load().windowWidth);
            assertEquals(1, log.lines().size());
            assertTrue(log.lines().get(0).startsWith("WARNING ignoring unreadable settings " + cfg.resolve("settings.json")),
                    log.lines().get(0));
        }
    }
}
