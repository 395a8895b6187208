package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path tmp;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static DocumentState sample() {
        return DocumentState.empty()
                .withPositions(Map.of("builder", new NodePosition(10, 20), "#1", new NodePosition(300.5, 40)))
                .withViewport(new Viewport(1.5, -20, 30))
                .withSelected("builder")
                .withTarget("builder")
                .withBuild(BuildSettings.DEFAULT.withBuilder(BuildSettings.CLASSIC)
                        .withBuildArgs(Map.of("GO_VERSION", "1.22")).withNoCache(true).withTags(List.of("app:dev")))
                .withSizes(new BuildSizes(Instant.parse("2024-05-01T10:00:00Z"), "buildkit", null,
                        Map.of("builder", 574_000_000L, "#1", 762_000L), 762_000L));
    }

    @Test
    void stateWrittenByOneStoreIsReadByTheNextAndNothingLandsBesideTheDockerfile() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path df = Files.writeString(project.resolve("Dockerfile"), "FROM alpine AS builder\nFROM builder\n");
        List<String> before = listing(project);
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        try (StateStore store = new StateStore(dir)) {
            assertEquals(DocumentState.empty(), store.load(df).state());
            store.update(df, sample());
            store.flush();
        }
        try (StateStore store = new StateStore(dir)) {
            StateStore.Loaded loaded = store.load(df);
            assertEquals(sample(), loaded.state());
            assertTrue(loaded.migrated().isEmpty());
        }
        assertEquals(before, listing(project));
        assertTrue(Files.isRegularFile(dir.documentFile(df)), "state file in the state directory");
    }
}
