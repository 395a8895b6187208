package dev.stagecraft.project;

import dev.stagecraft.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save's rules, each on real files; the permission cases run a child JVM that cannot bypass file modes. */
class FileSaveTest {
    private static final String OLD = "FROM alpine AS a\nRUN echo old\n";
    private static final String NEW = "FROM alpine AS a\nRUN echo new\n";

    @TempDir
    Path dir;

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int unix(Path p, String attr) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:" + attr, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void saveThroughASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Dockerfile"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("Dockerfile"), Path.of("src/Dockerfile"));
        DockerfileText.read(link).write(link, NEW);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(NEW, Files.readString(real));
        assertEquals(List.of("Dockerfile"), listing(real.getParent()));
    }

    @Test
    void saveThroughADanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("Dockerfile"), Path.of("later.Dockerfile"));
        DockerfileText.fresh("").write(link, NEW);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(NEW, Files.readString(dir.resolve("later.Dockerfile")));
    }

    @Test
    void saveKeepsHardLinks() throws IOException {
        Path a = Files.writeString(dir.resolve("Dockerfile"), OLD);
        Path b = Files.createLink(dir.resolve("Dockerfile.copy"), a);
        DockerfileText.read(a).write(a, NEW);
        assertEquals(NEW, Files.readString(b), "the other name sees the new text");
        assertEquals(2, unix(a, "nlink"));
    }

    @Test
    void saveKeepsModeOwnerAndGroup() throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), OLD);
        Files.setAttribute(f, "unix:uid", 65534);
        Files.setAttribute(f, "unix:gid", 65534);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        long inode = (Long) Files.getAttribute(f, "unix:ino");
        DockerfileText.read(f).write(f, NEW);
        assertEquals(NEW, Files.readString(f));
        assertEquals(65534, unix(f, "uid"));
        assertEquals(65534, unix(f, "gid"));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        // as root the owner can be kept on a new copy, so the save is still atomic (a new inode)
        assertFalse(inode == (Long) Files.getAttribute(f, "unix:ino"), "written by rename");
        assertEquals(List.of("Dockerfile"), listing(dir));
    }

    @Test
    void aUserWhoCannotKeepTheOwnerWritesInPlace() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), OLD);
        Files.setAttribute(f, "unix:uid", 65534);
        Files.setAttribute(f, "unix:gid", 65534);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(ChildJvm.WITHOUT_CAPABILITIES, List.of(), SaveChild.class,
                f.toString(), NEW));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(NEW, Files.readString(f));
        assertEquals(65534, unix(f, "uid"), "owner kept");
        assertEquals(65534, unix(f, "gid"), "group kept");
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aWritableFileInAReadOnlyFolderIsWrittenInPlace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path f = Files.writeString(folder.resolve("Dockerfile"), OLD);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ChildJvm.Result r = ChildJvm.run(ChildJvm.command(ChildJvm.WITHOUT_CAPABILITIES, List.of(),
                    SaveChild.class, f.toString(), NEW));
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals(NEW, Files.readString(f));
            assertEquals(List.of("Dockerfile"), listing(folder));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailedSaveNamesTheUsersFileAndLeavesItAsItWas() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path f = Files.writeString(folder.resolve("Dockerfile"), OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ChildJvm.Result r = ChildJvm.run(ChildJvm.command(ChildJvm.WITHOUT_CAPABILITIES, List.of(),
                    SaveChild.class, f.toString(), NEW));
            assertEquals(3, r.exit(), r.out() + r.err());
            assertTrue(r.out().startsWith("cannot save " + f + ": "), r.out());
            assertFalse(r.out().contains(".tmp"), r.out());
            assertFalse(r.out().contains("\n"), "one line: " + r.out());
            assertEquals(OLD, Files.readString(f));
            assertEquals(List.of("Dockerfile"), listing(folder));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aNewFileInAReadOnlyFolderIsAOneLineErrorNamingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path f = folder.resolve("Dockerfile");
        try {
            ChildJvm.Result r = ChildJvm.run(ChildJvm.command(ChildJvm.WITHOUT_CAPABILITIES, List.of(),
                    SaveAsChild.class, f.toString(), NEW));
            assertEquals(3, r.exit(), r.out() + r.err());
            assertEquals("cannot save " + f + ": permission denied", r.out());
            assertEquals(List.of(), listing(folder));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void savingOverAFolderFailsAndTheDocumentIsUnchanged() throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), OLD);
        DockerfileText read = DockerfileText.read(f);
        Path folder = Files.createDirectory(dir.resolve("sub"));
        TextFileException e = assertThrows(TextFileException.class, () -> read.overwrite(folder, NEW));
        assertEquals("cannot save " + folder + ": it is not a regular file", e.getMessage());
        assertEquals(read, DockerfileText.read(f), "the value read is still what is on disk");
        assertEquals(List.of("Dockerfile", "sub"), listing(dir));
    }

    @Test
    void saveIntoAMissingFolderSaysSo() {
        Path f = dir.resolve("gone/Dockerfile");
        TextFileException e = assertThrows(TextFileException.class, () -> DockerfileText.fresh("").write(f, NEW));
        assertEquals("cannot save " + f + ": its folder does not exist", e.getMessage());
    }

    @Test
    void aNewFileGetsTheUsualModeAndNoTemporaryFileStays() throws IOException {
        Path f = dir.resolve("Dockerfile");
        DockerfileText.fresh("").write(f, NEW);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("Dockerfile"), listing(dir));
    }

    @Test
    void leftoversOfAnInterruptedSaveAreFoundAndNothingElse() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM a\n");
        FileSave.write(f, "FROM b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("Dockerfile"), listing(), "a save leaves nothing beside the file");
        Path old = Files.writeString(dir.resolve(".Dockerfile.stagecraft-save-123.tmp"), "half");
        Path fresh = Files.writeString(dir.resolve(".Dockerfile.stagecraft-save-456.tmp"), "a save in progress");
        Path users = Files.writeString(dir.resolve(".Dockerfile123.tmp"), "not ours");
        Path other = Files.writeString(dir.resolve(".Other.stagecraft-save-1.tmp"), "another file's");
        java.nio.file.attribute.FileTime twoMinutesAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(120));
        for (Path p : java.util.List.of(old, users, other)) {
            Files.setLastModifiedTime(p, twoMinutesAgo);
        }
        assertEquals(java.util.List.of(old), FileSave.leftovers(f));
        assertEquals(java.util.List.of(old), DockerfileText.saveLeftovers(dir.resolve("Dockerfile")));
        assertEquals(java.util.List.of(), FileSave.leftovers(dir.resolve("missing/Dockerfile")));
    }

    private java.util.List<String> listing() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
