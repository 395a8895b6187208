package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files changed the ways other programs change them; waits on the callback with a generous bound. */
class FileWatchTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;
    private Path file;
    private final BlockingQueue<Optional<DiskVersion>> reports = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private FileWatch watch;

    @BeforeEach
    void watch() throws IOException {
        file = Files.writeString(dir.resolve("Dockerfile"), "FROM a\n");
        watch = new FileWatch(file, DockerfileText.read(file).version(), v -> {
            threads.add(Thread.currentThread().getName());
            reports.add(v);
        });
    }

    @AfterEach
    void close() {
        watch.close();
    }

    private Optional<DiskVersion> next() throws InterruptedException {
        Optional<DiskVersion> v = reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(v, "no change reported within " + WAIT_SECONDS + " s");
        return v;
    }

    /** A change made after this is the next report: nothing else was pending. */
    private void assertQuiet() throws InterruptedException {
        Optional<DiskVersion> v = reports.poll(FileWatch.SETTLE_MILLIS * 3 + FileWatch.POLL_MILLIS, TimeUnit.MILLISECONDS);
        assertNull(v, "unexpected report " + v);
    }

    @Test
    void aPlainWriteIsReportedWithTheNewContentOnTheWatchThread() throws Exception {
        Files.writeString(file, "FROM b\n");
        assertEquals(Optional.of(DiskVersion.of(file)), next());
        assertTrue(threads.take().startsWith("stagecraft-watch-"));
    }

    @Test
    void anAtomicRenameSaveIsReportedOnce() throws Exception {
        for (int i = 0; i < 3; i++) { // vim / git: write a new file, rename it over the old one
            Path tmp = Files.writeString(dir.resolve(".Dockerfile.tmp" + i), "FROM c" + i + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertEquals("FROM c" + i + "\n", Files.readString(file));
            assertEquals(Optional.of(DiskVersion.of(file)), next());
        }
        assertQuiet();
    }

    @Test
    void deletedThenRecreatedIsTwoReports() throws Exception {
        Files.delete(file);
        assertEquals(Optional.empty(), next());
        Files.writeString(file, "FROM again\n");
        assertEquals(Optional.of(DiskVersion.of(file)), next());
    }

    @Test
    void aBurstOfWritesIsCoalescedAndEndsWithTheLastContent() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(file, "FROM burst" + i + "\n");
        }
        DiskVersion last = DiskVersion.of(file);
        Optional<DiskVersion> v = next();
        while (!v.equals(Optional.of(last))) {
            v = next(); // a report per settled moment, the last one the final content
        }
        assertQuiet();
    }

    @Test
    void aTouchOrTheSameBytesAreNotAChange() throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(file, "FROM a\n");
        assertQuiet();
        Files.writeString(file, "FROM z\n");
        assertNotEquals(Optional.empty(), next(), "a real change after them is still seen");
    }

    @Test
    void ourOwnSaveIsNotReported() throws Exception {
        DockerfileText read = DockerfileText.read(file);
        // told before the write, so the watch cannot compare in between (the window may tell after: it
        // then also compares a report with its own version)
        watch.known(DiskVersion.of(read.encode("FROM mine\n"), FileTime.fromMillis(0)));
        read.overwrite(file, "FROM mine\n");
        assertQuiet();
        Files.writeString(file, "FROM theirs\n");
        assertEquals(Optional.of(DiskVersion.of(file)), next());
    }

    @Test
    void aFileInAFolderThatDoesNotExistYetIsFoundByPolling() throws Exception {
        Path later = dir.resolve("later/Dockerfile");
        BlockingQueue<Optional<DiskVersion>> seen = new LinkedBlockingQueue<>();
        try (FileWatch w = new FileWatch(later, null, seen::add)) {
            Files.createDirectories(later.getParent());
            Files.writeString(later, "FROM late\n");
            Optional<DiskVersion> v = seen.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Optional.of(DiskVersion.of(later)), v);
        }
    }
}
