package dev.stagecraft.engine.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    private static Map<String, String> untar(InputStream in) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName(), e.isDirectory() ? "/" : new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(0, e.getLongUserId());
            }
        }
        return out;
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void streamsTheContextWithoutIgnoredFilesButAlwaysTheDockerfileAndIgnoreFile(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /\n");
        write(dir.resolve(".dockerignore"), "secret.txt\nDockerfile\n.dockerignore\nlogs\n!logs/keep.log\n");
        write(dir.resolve("secret.txt"), "hunter2");
        write(dir.resolve("app/main.c"), "int main(){}");
        write(dir.resolve("logs/a.log"), "x");
        write(dir.resolve("logs/keep.log"), "kept");
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        Map<String, String> files = untar(ctx.stream());
        assertEquals(List.of(".dockerignore", "Dockerfile", "app/", "app/main.c", "logs/keep.log"),
                new ArrayList<>(files.keySet()));
        assertEquals("Dockerfile", ctx.dockerfileName());
        assertEquals(4, ctx.fileCount());
        assertEquals("kept", files.get("logs/keep.log"));
    }

    @Test
    void aDockerfileOutsideTheContextTravelsUnderAGeneratedNameWithItsOwnIgnoreFile(@TempDir Path dir) throws Exception {
        Path context = dir.resolve("ctx");
        write(context.resolve("a.txt"), "a");
        write(context.resolve("b.txt"), "b");
        write(context.resolve(".dockerignore"), "a.txt\n");
        Path dockerfile = dir.resolve("build/app.Dockerfile");
        write(dockerfile, "FROM scratch\n");
        write(dir.resolve("build/app.Dockerfile.dockerignore"), "b.txt\n");
        BuildContext ctx = BuildContext.of(context, dockerfile);
        Map<String, String> files = untar(ctx.stream());
        assertTrue(ctx.dockerfileName().startsWith(".dockerfile."), ctx.dockerfileName());
        assertEquals("FROM scratch\n", files.get(ctx.dockerfileName()));
        assertTrue(files.containsKey("a.txt"), "the per-Dockerfile ignore file replaces .dockerignore: " + files);
        assertTrue(!files.containsKey("b.txt"), files.toString());
    }

    @Test
    void warnsAbove100MbNamingTheLargestFilesAndFolders(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        sparse(dir.resolve("dump.sql"), 70_000_000L);
        BuildContext small = BuildContext.of(dir, dir.resolve("Dockerfile"));
        assertTrue(small.warning(b -> (b / 1_000_000) + " MB").isEmpty(), "70 MB is no warning");

        Files.createDirectories(dir.resolve("data"));
        sparse(dir.resolve("data/a.bin"), 50_000_000L);
        sparse(dir.resolve("data/b.bin"), 40_000_000L);
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        assertEquals(160_000_000L + "FROM scratch\n".length(), ctx.size());
        assertEquals(4, ctx.fileCount());
        assertEquals("build context is 160 MB in 4 files; largest: data/ (90 MB), dump.sql (70 MB), Dockerfile (0 MB);"
                + " files: dump.sql (70 MB), data/a.bin (50 MB), data/b.bin (40 MB) — add what the build does not need"
                + " to .dockerignore", ctx.warning(b -> (b / 1_000_000) + " MB").orElseThrow());
    }

    /** A file of {@code size} bytes on paper that takes no disk. */
    private static void sparse(Path p, long size) throws Exception {
        try (var f = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            f.write(java.nio.ByteBuffer.wrap(new byte[] {1}), size - 1);
        }
    }

    @Test
    void aFileThatCannotBeReadFailsTheStreamInsteadOfEndingItEarly(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        write(dir.resolve("big.txt"), "x".repeat(200_000));
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        Files.delete(dir.resolve("big.txt")); // gone between listing and sending
        try (InputStream in = ctx.stream()) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> in.readAllBytes());
            assertEquals("can't send the build context: open " + dir.resolve("big.txt")
                    + ": no such file or directory", e.getMessage());
        }
    }

    @Test
    void aFifoTravelsAsAFifoAndIsNeverRead(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        assertEquals(List.of("Dockerfile", "pipe"), ctx.names());
        // reading the FIFO would wait for a writer forever: the tar must end without it
        java.util.concurrent.CompletableFuture<Map<String, Byte>> types = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    Map<String, Byte> out = new TreeMap<>();
                    try (TarArchiveInputStream tar = new TarArchiveInputStream(ctx.stream())) {
                        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                            out.put(e.getName(), e.getLinkFlag());
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return out;
                });
        Map<String, Byte> entries = types.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Map.of("Dockerfile", TarArchiveEntry.LF_NORMAL, "pipe", TarArchiveEntry.LF_FIFO), entries);
    }

    @Test
    void aSocketIsLeftOutAsTheCliLeavesItOut(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (java.nio.channels.ServerSocketChannel s = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            s.bind(java.net.UnixDomainSocketAddress.of(dir.resolve("app.sock")));
            BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
            assertEquals(List.of("Dockerfile"), ctx.names());
            assertEquals(List.of("Dockerfile"), new ArrayList<>(untar(ctx.stream()).keySet()));
        }
    }

    @Test
    void anExcludedDirectoryIsEnteredOnlyForARuleThatNamesAPathInIt(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        write(dir.resolve(".dockerignore"), "logs\ncache\n!logs/keep.log\n!**/keep.txt\n");
        write(dir.resolve("logs/keep.log"), "kept");
        write(dir.resolve("logs/other.log"), "x");
        write(dir.resolve("cache/keep.txt"), "the CLI never walks into cache/, so this stays out");
        write(dir.resolve("src/keep.txt"), "in");
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        assertEquals(List.of(".dockerignore", "Dockerfile", "logs/keep.log", "src/", "src/keep.txt"),
                new ArrayList<>(untar(ctx.stream()).keySet()));
    }

    @Test
    void aDockerfileInAnIgnoredFolderIsStillSent(@TempDir Path dir) throws Exception {
        write(dir.resolve(".dockerignore"), "build\n*.md\n");
        Path dockerfile = dir.resolve("build/app.Dockerfile");
        write(dockerfile, "FROM scratch\n");
        write(dir.resolve("build/other"), "x");
        write(dir.resolve("README.md"), "x");
        write(dir.resolve("main.c"), "x");
        BuildContext ctx = BuildContext.of(dir, dockerfile);
        assertEquals("build/app.Dockerfile", ctx.dockerfileName());
        assertEquals(List.of(".dockerignore", "build/app.Dockerfile", "main.c"),
                new ArrayList<>(untar(ctx.stream()).keySet()));
        assertEquals(3, ctx.fileCount());
    }

    @Test
    void theTarStartsWithAPlainHeaderSoEnginesSniffItAsATar(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        byte[] head = ctxBytes(BuildContext.of(dir, dir.resolve("Dockerfile")), 512);
        assertEquals("Dockerfile", new String(head, 0, 10, StandardCharsets.US_ASCII));
        assertEquals('0', head[156], "a regular file entry, not a PAX header");
    }

    private static byte[] ctxBytes(BuildContext ctx, int n) throws Exception {
        try (InputStream in = ctx.stream()) {
            return in.readNBytes(n);
        }
    }
}
