package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path dir;

    @Test
    void sidecarKeepsPositionsTargetAndUnknownFields() throws IOException {
        Path df = dir.resolve("app.Dockerfile");
        Files.writeString(Sidecar.pathFor(df), "{\"version\":1,\"buildArgs\":{\"GO\":\"1.22\"},"
                + "\"positions\":{\"builder\":{\"x\":1.5,\"y\":2}},\"target\":\"builder\"}");
        Sidecar s = ProjectFiles.loadSidecar(df);
        assertEquals(new NodePosition(1.5, 2), s.positions().get("builder"));
        assertEquals("builder", s.target());
        s.setPositions(Map.of("#1", new NodePosition(3, 4)));
        ProjectFiles.saveSidecar(df, s);
        String json = Files.readString(dir.resolve("app.Dockerfile.stagecraft.json"));
        assertTrue(json.contains("\"buildArgs\""), json);
        assertTrue(json.contains("\"GO\" : \"1.22\""), json);
        assertEquals(new NodePosition(3, 4), ProjectFiles.loadSidecar(df).positions().get("#1"));
    }

    @Test
    void settingsRoundTripAndBadFileGivesDefaults() throws IOException {
        ProjectFiles files = new ProjectFiles(dir.resolve("cfg"));
        Settings s = files.loadSettings();
        s.windowWidth = 999;
        s.engineHost = "tcp://10.0.0.2:2375";
        for (int i = 0; i < 12; i++) {
            s.remember("/f" + i);
        }
        files.saveSettings(s);
        Settings back = files.loadSettings();
        assertEquals(999, back.windowWidth);
        assertEquals("tcp://10.0.0.2:2375", back.engineHost);
        assertEquals(Settings.RECENT_LIMIT, back.recentFiles.size());
        assertEquals("/f11", back.recentFiles.get(0));
        Files.writeString(files.settingsFile(), "{not json");
        assertEquals(1280, files.loadSettings().windowWidth);
    }
}
