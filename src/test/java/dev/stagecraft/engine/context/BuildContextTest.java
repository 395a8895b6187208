package dev.stagecraft.engine.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void warnsAbove100MbNamingTheLargestFiles(@TempDir Path dir) throws Exception {
        write(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (var f = java.nio.channels.FileChannel.open(dir.resolve("dump.sql"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            f.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 120_000_000L); // sparse: 120 MB on paper
        }
        BuildContext ctx = BuildContext.of(dir, dir.resolve("Dockerfile"));
        String warning = ctx.warning(b -> (b / 1_000_000) + " MB").orElseThrow();
        assertTrue(warning.startsWith("build context is 120 MB in 2 files; largest: dump.sql (120 MB)"), warning);
    }
}
