package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery within one JVM. A dead process's session is made by copying a live session's folder
 * under another name with no process holding its lock (what a kill -9 leaves); KillTest does it
 * with a real killed process.
 */
class RecoveryTest {
    @TempDir
    Path tmp;

    private StateDirectory state() {
        return new StateDirectory(tmp.resolve("state"));
    }

    /** Writes the buffers through a session, then leaves a copy of it as a dead process would. */
    private Path deadSession(StateDirectory state, Writes writes) throws IOException {
        Path dead = state.recovery().resolve("999999-1");
        try (Recovery r = new Recovery(state)) {
            writes.to(r);
            r.flush();
            Files.createDirectories(dead);
            try (Stream<Path> s = Files.list(r.session())) {
                for (Path p : s.toList()) {
                    Files.copy(p, dead.resolve(p.getFileName()));
                }
            }
        }
        Files.writeString(state.recovery().resolve("999999-1.lock"), "");
        return dead;
    }

    interface Writes {
        void to(Recovery r) throws IOException;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void latestTextWinsAndAFileChangedSinceIsFlagged() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\n");
        DiskVersion read = DockerfileText.read(df).version();
        StateDirectory state = state();
        deadSession(state, r -> {
            r.changed("1", df, read, "FROM a\nRUN x\n");
            r.changed("1", df, read, "FROM a\nRUN xy\n");
        });
        Files.writeString(df, "FROM b\n"); // git checkout after the crash
        try (Recovery r = new Recovery(state)) {
            List<RecoveredBuffer> o = r.orphans();
            assertEquals(1, o.size());
            assertEquals("FROM a\nRUN xy\n", o.get(0).text());
            assertTrue(o.get(0).fileChangedSince());
            assertTrue(o.get(0).savedAt() != null);
        }
    }

    @Test
    void aCopyEqualToItsFileIsNotOfferedAndItsSessionGoes() throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM a\r\nRUN saved\r\n");
        StateDirectory state = state();
        deadSession(state, r -> r.changed("1", df, null, "FROM a\nRUN saved\n")); // saved before the crash
        try (Recovery r = new Recovery(state)) {
            assertEquals(List.of(), r.orphans());
            assertEquals(List.of(r.session().getFileName().toString(), r.session().getFileName() + ".lock"),
                    names(state.recovery()), "only this process's session is left");
        }
    }

    @Test
    void cleanedBuffersAreNotLeftBehind() throws IOException {
        StateDirectory state = state();
        deadSession(state, r -> {
            r.changed("saved", null, null, "FROM a\n");
            r.changed("kept", null, null, "FROM b\n");
            r.clean("saved");
        });
        try (Recovery r = new Recovery(state)) {
            List<RecoveredBuffer> o = r.orphans();
            assertEquals(List.of("FROM b\n"), o.stream().map(RecoveredBuffer::text).toList());
            assertEquals(null, o.get(0).file());
            assertFalse(o.get(0).fileChangedSince());
        }
    }

    @Test
    void aCorruptCopyIsLoggedAndSkippedWithoutAnException() throws IOException {
        StateDirectory state = state();
        Path dead = deadSession(state, r -> r.changed("1", null, null, "FROM good\n"));
        Files.writeString(dead.resolve("0123456789abcdef0123456789abcdef.json"), "{\"text\": ");
        try (LogCapture log = new LogCapture(Recovery.class); Recovery r = new Recovery(state)) {
            assertEquals(List.of("FROM good\n"), r.orphans().stream().map(RecoveredBuffer::text).toList());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARNING ignoring unreadable recovery copy")),
                    log.lines().toString());
        }
    }

    @Test
    void closeRemovesThisSessionAndAnotherSessionOfThisJvmIsNeverOffered() throws IOException {
        StateDirectory state = state();
        Recovery first = new Recovery(state);
        first.changed("1", null, null, "FROM mine\n");
        first.flush();
        try (Recovery second = new Recovery(state)) {
            assertEquals(List.of(), second.orphans(), "first is alive");
            first.close();
            assertEquals(List.of(second.session().getFileName().toString(), second.session().getFileName() + ".lock"),
                    names(state.recovery()));
        }
        assertEquals(List.of(), names(state.recovery()));
    }

    @Test
    void aLockLeftWithoutItsFolderIsRemoved() throws IOException {
        StateDirectory state = state();
        Files.createDirectories(state.recovery());
        Files.writeString(state.recovery().resolve("4242-7.lock"), "");
        try (Recovery r = new Recovery(state)) {
            assertEquals(List.of(), r.orphans());
            assertFalse(Files.exists(state.recovery().resolve("4242-7.lock")));
        }
    }
}
