package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileTextTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unchangedCrlfFileWithBomIsWrittenBackByteForByte() throws IOException {
        byte[] original = utf8("\uFEFFFROM alpine AS a\r\nRUN echo ü\r\n\r\nFROM a\r\n");
        Path f = dir.resolve("Dockerfile");
        Files.write(f, original);
        DockerfileText t = DockerfileText.read(f);
        assertTrue(t.bom());
        assertEquals("FROM alpine AS a\nRUN echo ü\n\nFROM a\n", t.editorText());
        t.write(f, t.editorText());
        assertArrayEquals(original, Files.readAllBytes(f));
    }

    @Test
    void editKeepsOtherLinesTerminatorsInAMixedFile() throws IOException {
        DockerfileText t = DockerfileText.decode("Dockerfile", utf8("FROM a\r\nRUN x\nRUN y\r\nCMD z"));
        String edited = t.editorText().replace("RUN x", "RUN xx");
        assertEquals("FROM a\r\nRUN xx\r\nRUN y\r\nCMD z", new String(t.encode(edited), StandardCharsets.UTF_8));
        String added = t.editorText() + "\nUSER me";
        assertEquals("FROM a\r\nRUN x\nRUN y\r\nCMD z\r\nUSER me", new String(t.encode(added), StandardCharsets.UTF_8));
    }

    @Test
    void deletingTheLastLineDoesNotGlueLines() {
        assertEquals("a", LineEndings.restore("a\r\nb", "a"));
        assertEquals("x\r\na\r\nb", LineEndings.restore("x\r\na", "x\na\nb"));
        assertEquals("plain\n", LineEndings.restore("plain\n", "plain\n"));
    }

    @Test
    void refusesBinaryAndNonUtf8() {
        TextFileException bin = assertThrows(TextFileException.class,
                () -> DockerfileText.decode("img.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}));
        assertTrue(bin.getMessage().contains("binary"), bin.getMessage());
        TextFileException latin = assertThrows(TextFileException.class,
                () -> DockerfileText.decode("Dockerfile", new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xE9}));
        assertTrue(latin.getMessage().contains("UTF-8"), latin.getMessage());
    }

    @Test
    void refusesFilesOverTenMegabytes() throws IOException {
        Path big = dir.resolve("big");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), DockerfileText.MAX_BYTES);
        }
        TextFileException e = assertThrows(TextFileException.class, () -> DockerfileText.read(big));
        assertTrue(e.getMessage().contains("10 MiB"), e.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("Dockerfile");
        DockerfileText.fresh("").write(f, "FROM a\n");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
        assertFalse(Files.readString(f).isEmpty());
    }
}
