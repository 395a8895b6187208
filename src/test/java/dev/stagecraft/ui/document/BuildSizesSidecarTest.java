package dev.stagecraft.ui.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.Sidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last build's sizes per stage travel in the sidecar, next to the unknown fields it keeps. */
class BuildSizesSidecarTest {
    @TempDir
    Path dir;

    @Test
    void sizesAreWrittenWithTheSidecarAndReadOnOpen() throws Exception {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, "FROM busybox AS builder\nFROM busybox\n");
        Files.writeString(Sidecar.pathFor(df), "{\"version\":1,\"buildArgs\":{\"GO\":\"1.22\"}}");
        DocumentViewModel doc = new DocumentViewModel();
        doc.open(df);
        assertTrue(doc.lastBuildSizes().isEmpty());
        doc.rememberBuildSizes(Map.of("builder", 574_000_000L, "#1", 762_000L));
        doc.saveSidecar(null);
        String json = Files.readString(Sidecar.pathFor(df));
        assertTrue(json.contains("\"sizes\""), json);
        assertTrue(json.contains("\"buildArgs\""), json);

        DocumentViewModel again = new DocumentViewModel();
        again.open(df);
        assertEquals(Map.of("builder", 574_000_000L, "#1", 762_000L), again.lastBuildSizes());
    }

    @Test
    void aSidecarIsNotWrittenWithoutABuild() throws Exception {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, "FROM busybox\n");
        DocumentViewModel doc = new DocumentViewModel();
        doc.open(df);
        doc.saveSidecar(null);
        assertFalse(Files.exists(Sidecar.pathFor(df)));
    }
}
