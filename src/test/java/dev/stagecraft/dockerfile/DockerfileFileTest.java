package dev.stagecraft.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What is read as a Dockerfile, and the one line for what is not. On real files, FIFOs and devices. */
class DockerfileFileTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("Dockerfile");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        // opening a FIFO with no writer blocks: only a check before opening returns at all
        assertEquals(fifo + " is a FIFO (named pipe), not a Dockerfile: only regular files are read", refusal(fifo));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceIsRefusedThoughItsSizeSaysZero() throws Exception {
        // /dev/zero never ends and reports size 0: it used to be read until OutOfMemoryError
        assertEquals("/dev/zero is a character device, not a Dockerfile: only regular files are read",
                refusal(Paths.get("/dev/zero")));
    }

    @Test
    void directoriesAndMissingPaths() throws Exception {
        assertEquals(dir + " is a directory, not a Dockerfile", refusal(dir));
        assertEquals("no such file: " + dir.resolve("nope"), refusal(dir.resolve("nope")));
        Path dangling = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("gone"));
        assertEquals(dangling + " is a symbolic link to a missing file", refusal(dangling));
    }

    @Test
    void aSymlinkToARegularFileIsRead() throws Exception {
        Path real = Files.writeString(dir.resolve("real.Dockerfile"), "FROM scratch\n");
        Path link = Files.createSymbolicLink(dir.resolve("Dockerfile"), real);
        assertEquals("FROM scratch\n", DockerfileFile.read(link));
    }

    @Test
    void theRealSizeOfATooLargeFileInMebibytes() throws Exception {
        assertEquals(big("eleven", 11L << 20) + " is 11.0 MiB; Dockerfiles over 10 MiB are not opened",
                refusal(dir.resolve("eleven")));
        assertEquals(big("justover", DockerfileFile.MAX_BYTES + 1)
                        + " is 10.0 MiB (10485761 bytes); Dockerfiles over 10 MiB are not opened",
                refusal(dir.resolve("justover")));
        Path limit = big("limit", DockerfileFile.MAX_BYTES);
        assertEquals(DockerfileFile.MAX_BYTES, DockerfileFile.read(limit).length(), "10 MiB exactly is read");
        assertEquals("3.0 GiB", DockerfileFile.size(3L << 30));
    }

    private Path big(String name, long bytes) throws IOException {
        Path f = dir.resolve(name);
        byte[] line = "RUN true\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
            while (buf.remaining() >= line.length) {
                buf.put(line);
            }
            buf.flip();
            long written = 0;
            while (written < bytes) {
                buf.rewind();
                buf.limit((int) Math.min(buf.capacity() - buf.capacity() % line.length, bytes - written));
                written += ch.write(buf);
            }
        }
        return f;
    }

    private static String refusal(Path file) {
        return assertThrows(DockerfileFile.Unreadable.class, () -> DockerfileFile.read(file)).getMessage();
    }
}
