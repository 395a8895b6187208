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

    @Test
    void aSidecarIsMigratedOnceAndLeftUntouched() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path df = Files.writeString(project.resolve("Dockerfile"), "FROM alpine AS builder\nFROM builder\n");
        Path sidecar = project.resolve("Dockerfile.stagecraft.json");
        String json = "{\"version\":1,\"positions\":{\"builder\":{\"x\":1.5,\"y\":2}},\"target\":\"builder\","
                + "\"sizes\":{\"builder\":1000,\"#1\":10}}";
        Files.writeString(sidecar, json);
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(sidecar);
        List<String> before = listing(project);
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        try (StateStore store = new StateStore(dir)) {
            StateStore.Loaded loaded = store.load(df);
            assertEquals(Map.of("builder", new NodePosition(1.5, 2)), loaded.state().positions());
            assertEquals("builder", loaded.state().target());
            assertEquals(Map.of("builder", 1000L, "#1", 10L), loaded.state().lastBuild().orElseThrow().stages());
            assertEquals(1000L, loaded.state().lastBuild().orElseThrow().finalImage());
            assertEquals("Moved node positions, the target, build sizes from " + sidecar
                    + " into Stagecraft's own folder; that file is no longer used and can be deleted.",
                    loaded.migrated().orElseThrow());
            store.update(df, loaded.state().withPositions(Map.of("builder", new NodePosition(9, 9))));
        }
        try (StateStore store = new StateStore(dir)) {
            StateStore.Loaded again = store.load(df);
            assertTrue(again.migrated().isEmpty(), "migrated once");
            assertEquals(Map.of("builder", new NodePosition(9, 9)), again.state().positions(), "the state wins");
            store.forget(df);
            store.flush();
        }
        try (StateStore store = new StateStore(dir)) {
            StateStore.Loaded forgotten = store.load(df);
            assertEquals(DocumentState.empty(), forgotten.state());
            assertTrue(forgotten.migrated().isEmpty(), "Reset Layout does not bring the sidecar back");
        }
        assertEquals(json, Files.readString(sidecar));
        assertEquals(mtime, Files.getLastModifiedTime(sidecar));
        assertEquals(before, listing(project));
    }

    @Test
    void aSymlinkAndItsTargetShareOneStateAndAnotherFileNeverGetsIt() throws IOException {
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("src")).resolve("Dockerfile"), "FROM a\n");
        Path link = Files.createSymbolicLink(tmp.resolve("Dockerfile"), real);
        Path other = Files.writeString(tmp.resolve("other.Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        try (StateStore store = new StateStore(dir)) {
            store.update(link, sample());
        }
        try (StateStore store = new StateStore(dir)) {
            assertEquals(sample(), store.load(real).state());
            assertEquals(DocumentState.empty(), store.load(other).state());
            assertEquals(dir.documentFile(real), dir.documentFile(link));
        }
    }

    @Test
    void aStateFileOfAnotherPathIsNotApplied() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        Files.createDirectories(dir.documents());
        Files.writeString(dir.documentFile(df), "{\"version\":1,\"file\":\"/elsewhere/Dockerfile\","
                + "\"positions\":{\"a\":{\"x\":1,\"y\":1}}}");
        try (LogCapture log = new LogCapture(StateStore.class); StateStore store = new StateStore(dir)) {
            assertEquals(DocumentState.empty(), store.load(df).state());
            assertEquals(1, log.lines().size(), log.lines().toString());
        }
    }

    @Test
    void corruptOrUnreadableStateGivesEmptyStateAndALogLine() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.Dockerfile"), "FROM a\n");
        Path b = Files.writeString(tmp.resolve("b.Dockerfile"), "FROM a\n");
        Path c = Files.writeString(tmp.resolve("c.Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        Files.createDirectories(dir.documents());
        Files.writeString(dir.documentFile(a), "{\"positions\": {\"x\": ");
        Files.createDirectories(dir.documentFile(b)); // a folder where the file should be: unreadable
        Files.writeString(dir.documentFile(c), "{\"positions\": {\"x\": \"not a position\"}}");
        try (LogCapture log = new LogCapture(StateStore.class); StateStore store = new StateStore(dir)) {
            assertEquals(DocumentState.empty(), store.load(a).state());
            assertEquals(DocumentState.empty(), store.load(b).state());
            assertEquals(DocumentState.empty(), store.load(c).state());
            assertEquals(3, log.lines().size(), log.lines().toString());
            assertTrue(log.lines().get(0).startsWith("WARNING ignoring corrupt state file " + dir.documentFile(a)),
                    log.lines().get(0));
            assertTrue(log.lines().get(1).startsWith("WARNING ignoring unreadable state file " + dir.documentFile(b)),
                    log.lines().get(1));
            store.update(a, sample()); // a corrupt file is replaced by the next change
            store.flush();
        }
        try (StateStore store = new StateStore(dir)) {
            assertEquals(sample(), store.load(a).state());
        }
    }

    @Test
    void fieldsOfALaterVersionAreKept() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        Files.createDirectories(dir.documents());
        Files.writeString(dir.documentFile(df), "{\"version\":1,\"file\":\"" + StateDirectory.realPath(df)
                + "\",\"target\":\"a\",\"comments\":{\"a\":\"from the future\"}}");
        try (StateStore store = new StateStore(dir)) {
            assertEquals("a", store.load(df).state().target());
            store.update(df, store.load(df).state().withTarget("b"));
        }
        String json = Files.readString(dir.documentFile(df));
        assertTrue(json.contains("\"comments\" : {"), json);
        assertTrue(json.contains("\"target\" : \"b\""), json);
    }

    @Test
    void latestUpdateWins() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\n");
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        try (StateStore store = new StateStore(dir)) {
            for (int i = 0; i < 200; i++) {
                store.update(df, DocumentState.empty().withPositions(Map.of("a", new NodePosition(i, i))));
            }
        }
        try (StateStore store = new StateStore(dir)) {
            assertEquals(Map.of("a", new NodePosition(199, 199)), store.load(df).state().positions());
        }
    }

    @Test
    void recentFilesAreKeptMostRecentFirstWithoutDuplicates() throws IOException {
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        try (StateStore store = new StateStore(dir)) {
            RecentFiles r = store.recent();
            for (int i = 0; i < 12; i++) {
                r = r.with(tmp.resolve("f" + i));
            }
            store.updateRecent(r.with(tmp.resolve("f5")).without(tmp.resolve("f11")));
        }
        try (StateStore store = new StateStore(dir)) {
            List<Path> files = store.recent().files();
            assertEquals(RecentFiles.LIMIT - 1, files.size());
            assertEquals(List.of(tmp.resolve("f5"), tmp.resolve("f10"), tmp.resolve("f9")), files.subList(0, 3));
        }
        Files.writeString(dir.recentFile(), "[1, 2");
        try (LogCapture log = new LogCapture(StateStore.class); StateStore store = new StateStore(dir)) {
            assertEquals(RecentFiles.empty(), store.recent());
            assertEquals(1, log.lines().size());
        }
    }

    @Test
    void aFailedWriteIsLoggedReportedByFlushAndRetried() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\n");
        Path root = tmp.resolve("state");
        Files.writeString(root, "a file where the state folder should be");
        StateDirectory dir = new StateDirectory(root);
        try (LogCapture log = new LogCapture(DebouncedWriter.class); StateStore store = new StateStore(dir)) {
            store.update(df, sample());
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, store::flush);
            assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
            assertFalse(log.lines().isEmpty());
            Files.delete(root);
            store.flush(); // the pending write is tried again
        }
        try (StateStore store = new StateStore(dir)) {
            assertEquals(sample(), store.load(df).state());
        }
    }
}
