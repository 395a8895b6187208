package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.testing.DockerEngine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code stagecraft build --report json} with the files each copy carried and the final image's
 * composition, and {@code --max-wasted} as a CI gate, against the real engine.
 */
@Tag("docker")
class BuildLayersReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCKERFILE = """
            FROM stagecraft-test/busybox AS builder
            RUN mkdir /out && head -c 3000 /dev/zero > /out/a.bin && echo hi > /out/b.txt

            FROM stagecraft-test/busybox
            RUN head -c 20000 /dev/zero > /junk
            RUN rm /junk
            COPY --from=builder /out /app
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void engine() throws Exception {
        DockerEngine.require().close();
    }

    record Run(int exit, String out, String err) {
    }

    /** The real command line in its own JVM, so exit codes and output are the user's. */
    static Run stagecraft(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.stagecraft.app.Main"));
        cmd.addAll(List.of(args));
        File out = Files.createTempFile(dir, "out", ".txt").toFile();
        File err = Files.createTempFile(dir, "err", ".txt").toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "build timed out");
        return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    static Path project(String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("Dockerfile"), DOCKERFILE);
        return d;
    }

    @Test
    void theJsonReportListsEachCopysFilesAndTheFinalImagesComposition() throws Exception {
        Path p = project("layers-json");
        Run r = stagecraft("build", p.toString(), "--report", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = JSON.readTree(r.out());
        JsonNode copy = report.get("copies").get(0);
        assertEquals(7, copy.get("line").asInt());
        Map<String, Long> files = new HashMap<>();
        copy.get("files").forEach(f -> files.put(f.get("path").asText(), f.get("size").asLong()));
        assertEquals(Map.of("/app/a.bin", 3000L, "/app/b.txt", 3L), files);
        JsonNode fin = report.get("final");
        JsonNode comp = fin.get("composition");
        String busybox = DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", "stagecraft-test/busybox");
        assertEquals(Long.parseLong(busybox), comp.get("base").asLong(), "the base image's layers");
        assertEquals(3003, comp.get("copied").asLong());
        assertEquals(20000, comp.get("own").asLong(), "the RUN that wrote /junk (its removal is 0 bytes)");
        assertEquals(fin.get("size").asLong(), comp.get("base").asLong() + comp.get("copied").asLong()
                + comp.get("own").asLong(), "the three parts add up to the image");
    }

    @Test
    void maxWastedFailsTheBuildWhenTheFinalImageShipsHiddenBytes() throws Exception {
        Path p = project("layers-wasted");
        Run over = stagecraft("build", p.toString(), "--max-wasted", "10kB");
        assertEquals(3, over.exit(), over.err());
        assertTrue(over.err().contains("stagecraft: the final image wastes 20 kB, more than --max-wasted 10kB"),
                over.err());
        assertTrue(over.out().contains("final image"), "the report is printed first: " + over.out());
        Run under = stagecraft("build", p.toString(), "--max-wasted", "1MB");
        assertEquals(0, under.exit(), under.err());
        Run bad = stagecraft("build", p.toString(), "--max-wasted", "lots");
        assertEquals(2, bad.exit());
        assertEquals("stagecraft: --max-wasted: 'lots' is not a size: write it like 50MB, 1.5GB or 500kB", bad.err().strip());
    }
}
