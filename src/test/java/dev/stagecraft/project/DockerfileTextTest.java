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

    @Test
    void editedLinesOfABareCrFileGetCr() throws IOException {
        DockerfileText t = DockerfileText.decode("Dockerfile", utf8("FROM a\rRUN x\rCMD z\r"));
        assertEquals("\r", LineEndings.dominant("FROM a\rRUN x\rCMD z\r"));
        String edited = t.editorText().replace("RUN x", "RUN xx\nRUN y");
        assertEquals("FROM a\rRUN xx\rRUN y\rCMD z\r", new String(t.encode(edited), StandardCharsets.UTF_8));
        assertEquals("FROM a\rRUN x\rCMD z\rUSER me", new String(t.encode(t.editorText() + "USER me"),
                StandardCharsets.UTF_8));
    }

    @Test
    void dominantLineEndCountsEachKindOnce() {
        assertEquals("\r\n", LineEndings.dominant("a\r\nb\r\nc\n"));
        assertEquals("\n", LineEndings.dominant("a\r\nb\nc\n"));
        assertEquals("\r", LineEndings.dominant("a\rb\rc\n"));
        assertEquals("\n", LineEndings.dominant("a\rb\n"), "a tie is \\n");
        assertEquals("\n", LineEndings.dominant("no break"));
    }

    @Test
    void saveRefusesAFileChangedOnDiskByAPlainWrite() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        DockerfileText t = DockerfileText.read(f);
        Files.writeString(f, "FROM b\n"); // another editor, same size
        ChangedOnDiskException e = assertThrows(ChangedOnDiskException.class, () -> t.write(f, "FROM c\n"));
        assertEquals(f + " changed on disk since it was read; saving would overwrite those changes", e.getMessage());
        assertEquals("FROM b\n", Files.readString(f), "nothing overwritten");
        assertEquals(DiskVersion.of(f), e.now());
        assertTrue(t.changedOnDisk(f).isPresent());
        DockerfileText saved = t.overwrite(f, "FROM c\n");
        assertEquals("FROM c\n", Files.readString(f));
        assertTrue(saved.changedOnDisk(f).isEmpty(), "our own save is the new baseline");
        saved.write(f, "FROM d\n");
    }

    @Test
    void saveRefusesAFileReplacedByRenameLikeVimOrGit() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        DockerfileText t = DockerfileText.read(f);
        Path other = Files.writeString(dir.resolve(".Dockerfile.swp"), "FROM a\nRUN more\n");
        Files.move(other, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(ChangedOnDiskException.class, () -> t.write(f, "FROM c\n"));
        assertEquals("FROM a\nRUN more\n", Files.readString(f));
    }

    @Test
    void aTouchOrADeletedFileIsNotAChange() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\n");
        DockerfileText t = DockerfileText.read(f);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000));
        assertTrue(t.changedOnDisk(f).isEmpty(), "same bytes");
        Files.delete(f);
        t.write(f, "FROM b\n");
        assertEquals("FROM b\n", Files.readString(f));
    }

    @Test
    void theVersionReadIsTheFilesBytes() throws Exception {
        byte[] bytes = utf8("\uFEFFFROM a\r\nRUN ü\r\n");
        Path f = dir.resolve("Dockerfile");
        Files.write(f, bytes);
        DockerfileText t = DockerfileText.read(f);
        assertEquals(DiskVersion.of(f), t.version());
        assertEquals(bytes.length, t.version().size());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes)), t.version().sha256());
    }
}
