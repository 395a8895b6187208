package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build history keeps each stage's image id across launches, and state files written before still read. */
class BuildHistoryStateTest {
    @TempDir
    Path tmp;

    @Test
    void imagesOfPastBuildsSurviveARelaunch() throws IOException {
        Path df = Files.writeString(Files.createDirectories(tmp.resolve("p")).resolve("Dockerfile"), "FROM a AS b\nFROM b\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        BuildSizes first = new BuildSizes(Instant.parse("2026-01-01T10:00:00Z"), "buildkit", null,
                Map.of("b", 100L, "#1", 10L), 10L, Map.of("b", "sha256:aaa", "#1", "sha256:bbb"), "#1");
        BuildSizes second = new BuildSizes(Instant.parse("2026-01-01T10:05:00Z"), "buildkit", null,
                Map.of("b", 100L, "#1", 12L), 12L, Map.of("b", "sha256:aaa", "#1", "sha256:ccc"), "#1");
        try (StateStore store = new StateStore(dir)) {
            store.update(df, DocumentState.empty().withSizes(first).withSizes(second));
            store.flush();
        }
        try (StateStore store = new StateStore(dir)) {
            DocumentState s = store.load(df).state();
            assertEquals(2, s.sizeHistory().size());
            assertEquals(Optional.of("sha256:ccc"), s.sizeHistory().get(0).finalImageId(), "newest first");
            assertEquals(Optional.of("sha256:bbb"), s.sizeHistory().get(1).finalImageId());
            assertEquals(first, s.sizeHistory().get(1));
        }
    }

    @Test
    void aStateFileWrittenBeforeImageIdsReadsWithSizesOnly() throws IOException {
        Path df = Files.writeString(Files.createDirectories(tmp.resolve("p")).resolve("Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        Path file = dir.documentFile(df);
        Files.createDirectories(file.getParent());
        // what the previous version wrote (StateStoreTest's sample shape)
        Files.writeString(file, "{\n  \"version\" : 1,\n  \"file\" : \"" + df.toRealPath() + "\",\n"
                + "  \"sizeHistory\" : [ {\n    \"time\" : \"2024-05-01T10:00:00Z\",\n    \"builder\" : \"buildkit\",\n"
                + "    \"stages\" : {\n      \"#0\" : 762000\n    },\n    \"finalImage\" : 762000\n  } ]\n}\n");
        try (StateStore store = new StateStore(dir)) {
            BuildSizes old = store.load(df).state().lastBuild().orElseThrow();
            assertEquals(Map.of("#0", 762_000L), old.stages());
            assertTrue(old.images().isEmpty());
            assertEquals(Optional.empty(), old.finalImageId());
        }
    }
}
