package dev.stagecraft.project;

import dev.stagecraft.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
    @TempDir
    Path tmp;

    @Test
    void everyLoggerWritesToTheLogFileAndNothingToStderr() throws Exception {
        Path state = tmp.resolve("state");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(List.of(), List.of(), LogsChild.class, state.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "stderr is the user's");
        Path log = state.resolve("logs/stagecraft.log");
        assertEquals(log.toString(), r.out());
        String text = Files.readString(log);
        assertTrue(text.contains("WARNING dev.stagecraft.test [main]: from System.Logger 42"), text);
        assertTrue(text.contains("WARNING com.github.dockerjava.test [main]: from docker-java's SLF4J"), text);
        assertTrue(text.contains("SEVERE  [main]: from JUL"), text);
        assertFalse(text.contains("debug is not logged"), text);
    }

    @Test
    void aLogThatCannotBeWrittenIsOneLineAndNothingOnStderr() throws Exception {
        Path state = Files.writeString(tmp.resolve("state"), "a file where the folder should be");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(List.of(), List.of(), LogsChild.class, state.toString()));
        assertEquals(3, r.exit(), r.err());
        assertEquals("FAILED: cannot write the log " + state.resolve("logs/stagecraft.log") + ": Not a directory; logging is off",
                r.out());
        assertEquals("", r.err(), "logging is off, not sent to stderr");
    }

    private static LogRecord record(String message) {
        LogRecord r = new LogRecord(Level.INFO, message);
        r.setLoggerName("test");
        return r;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFileRotatesAtItsLimitKeepingTwoOlderOnes() throws IOException {
        Path file = tmp.resolve("logs/stagecraft.log");
        LogFile a = new LogFile(file, 1000, 3);
        LogFile b = new LogFile(file, 1000, 3); // another process writing the same log
        a.setFormatter(new Logs.LineFormat());
        b.setFormatter(new Logs.LineFormat());
        for (int i = 0; i < 100; i++) {
            (i % 2 == 0 ? a : b).publish(record("line " + i + " " + "x".repeat(40)));
        }
        a.close();
        b.close();
        assertEquals(List.of("stagecraft.log", "stagecraft.log.1", "stagecraft.log.2", "stagecraft.log.lock"), names(file.getParent()));
        for (String name : List.of("stagecraft.log", "stagecraft.log.1", "stagecraft.log.2")) {
            assertTrue(Files.size(file.resolveSibling(name)) <= 1000, name + " " + Files.size(file.resolveSibling(name)));
        }
        String newest = Files.readString(file);
        String older = Files.readString(file.resolveSibling("stagecraft.log.1"));
        assertTrue(newest.contains(": line 99 "), newest);
        assertTrue(older.contains(": line 8"), "the lines before the newest file: " + older);
        assertFalse(newest.contains(": line 0 "), newest);
    }

    @Test
    void aThreadThatWasInterruptedLogsAndTheLogGoesOn() throws Exception {
        // a cancelled engine call logs from an interrupted thread: a FileChannel would close for good
        Path file = tmp.resolve("logs/stagecraft.log");
        LogFile log = new LogFile(file, 1_000_000, 3);
        log.setFormatter(new Logs.LineFormat());
        java.util.List<String> errors = new java.util.ArrayList<>();
        log.setErrorManager(new java.util.logging.ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                errors.add(msg + " " + ex);
            }
        });
        boolean[] stillInterrupted = new boolean[1];
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            log.publish(record("from an interrupted thread"));
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        t.start();
        t.join();
        log.publish(record("after it"));
        log.close();
        String text = Files.readString(file);
        assertTrue(text.contains("from an interrupted thread"), text);
        assertTrue(text.contains("after it"), text);
        assertEquals(List.of(), errors);
        assertTrue(stillInterrupted[0], "the thread's interrupt is given back");
    }
}
