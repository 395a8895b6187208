package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.image.TestImages;
import dev.stagecraft.testing.DockerEngine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft layers} as a user runs it, in its own JVM against the real engine: on the
 * README's gcc example every layer weighs what {@code docker history} says, the final image's one
 * layer is line 8's {@code /hello}; thresholds exit 3, a wrong image or engine exits 2.
 */
@Tag("docker")
class LayersCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GCC = """
            FROM stagecraft-test/debian:bookworm AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
            WORKDIR /src
            COPY hello.c .
            RUN gcc -static -O2 -o hello hello.c

            FROM scratch
            COPY --from=builder /src/hello /hello
            CMD ["/hello"]
            """;
    static final String BUILDER = "stagecraft-test/layers-gcc-builder";
    static final String FINAL = "stagecraft-test/layers-gcc";
    static final String CASES = "stagecraft-test/layers-cases";

    @TempDir
    static Path dir;
    static Path project;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void images() throws Exception {
        try (Engine e = DockerEngine.require()) {
            // skips (or fails under REQUIRE_DOCKER=1) without an engine or base images
        }
        project = Files.createDirectories(dir.resolve("gcc"));
        Files.writeString(project.resolve("Dockerfile"), GCC);
        Files.writeString(project.resolve("hello.c"),
                "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        docker("build", "-q", "--target", "builder", "-t", BUILDER, project.toString());
        docker("build", "-q", "-t", FINAL, project.toString());
        TestImages.build(dir, CASES, TestImages.CASES, true);
    }

    static void docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
    }

    /** Runs the real command line in its own JVM, so DOCKER_HOST and exit codes are the user's. */
    static Run stagecraft(String dockerHost, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.stagecraft.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dockerHost != null) {
            pb.environment().put("DOCKER_HOST", dockerHost);
        }
        File out = Files.createTempFile("stagecraft-out", ".txt").toFile();
        File err = Files.createTempFile("stagecraft-err", ".txt").toFile();
        try {
            Process p = pb.redirectOutput(out).redirectError(err).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "stagecraft " + String.join(" ", args) + " timed out");
            return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    /**
     * Checks each layer's size against {@code docker history}: walking the history oldest first,
     * each layer is the next entry with its command and must have its size; every entry with bytes
     * must be some layer's.
     */
    static void assertHistorySizes(String image, JsonNode layers) throws Exception {
        List<String> lines = new ArrayList<>(DockerEngine.cli("history", "--no-trunc", "--human=false", "--format",
                "{{.Size}}\t{{.CreatedBy}}", image).lines().toList());
        java.util.Collections.reverse(lines);
        lines.replaceAll(line -> line.contains("\t") ? line : line + "\t"); // the CLI's output is stripped
        int h = 0;
        for (JsonNode l : layers) {
            String by = l.get("createdBy").asText();
            while (h < lines.size() && !lines.get(h).split("\t", 2)[1].equals(by)) {
                assertEquals("0", lines.get(h).split("\t", 2)[0], "a history entry with bytes but no layer: " + lines.get(h));
                h++;
            }
            assertTrue(h < lines.size(), "layer " + l.get("index") + " (" + by + ") is not in docker history " + lines);
            assertEquals(Long.parseLong(lines.get(h).split("\t", 2)[0]), l.get("size").asLong(),
                    image + " layer " + l.get("index") + ": " + by);
            h++;
        }
        for (; h < lines.size(); h++) {
            assertEquals("0", lines.get(h).split("\t", 2)[0], "a history entry with bytes but no layer: " + lines.get(h));
        }
    }

    @Test
    void everyLayerOfTheGccExampleWeighsWhatDockerHistorySays() throws Exception {
        for (String image : List.of(BUILDER, FINAL)) {
            Run r = stagecraft(null, "layers", image, "--format", "json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertHistorySizes(image, j.get("layers"));
            assertEquals(image.equals(BUILDER) ? 5 : 1, j.get("layers").size(), "base, apt-get, WORKDIR, COPY, gcc");
            assertEquals(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", image), j.get("size").asText());
            assertEquals(DockerEngine.cli("image", "inspect", "--format", "{{.Id}}", image), j.get("image").asText());
            double efficiency = j.get("efficiency").asDouble();
            assertTrue(efficiency > 0.5 && efficiency <= 1.0, "efficiency " + efficiency);
            assertEquals(j.get("size").asLong() - j.get("wastedBytes").asLong(),
                    Math.round(efficiency * j.get("size").asLong()), j.get("size").asLong() / 5000.0);
        }
    }

    @Test
    void theFinalImagesLayerIsLineEightsHelloWithTheDockerfile() throws Exception {
        Run r = stagecraft(null, "layers", FINAL, "--format", "json", "--files", "-f",
                project.resolve("Dockerfile").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(1, j.get("layers").size());
        JsonNode layer = j.get("layers").get(0);
        assertEquals(8, layer.get("line").asInt());
        assertEquals(1, layer.get("stage").asInt());
        assertEquals(1, layer.get("added").asInt());
        long size = layer.get("size").asLong();
        assertTrue(size > 100_000, "a static binary");
        assertEquals("{\"path\":\"/hello\",\"type\":\"file\",\"mode\":\"0755\",\"size\":" + size
                + ",\"change\":\"added\"}", layer.get("files").get(0).toString());
        assertEquals(0, j.get("wastedBytes").asLong());
        assertEquals(1.0, j.get("efficiency").asDouble());
        assertEquals(0, j.get("wasted").size());
        Run builder = stagecraft(null, "layers", BUILDER, "--format", "json", "-f",
                project.resolve("Dockerfile").toString(), "--target", "builder");
        JsonNode b = JSON.readTree(builder.out());
        List<Integer> lines = new ArrayList<>();
        b.get("layers").forEach(l -> lines.add(l.get("line").isNull() ? null : l.get("line").asInt()));
        assertEquals(2, lines.get(1), "the apt-get layer: " + lines);
        assertEquals(5, lines.get(lines.size() - 1), "gcc's output: " + lines);
        assertEquals(null, lines.get(0), "the base image's layer has no line");
    }

    @Test
    void crossingAThresholdExitsThreeAfterTheReport() throws Exception {
        Run wasted = stagecraft(null, "layers", CASES, "--max-wasted", "12kB");
        assertEquals(3, wasted.exit(), wasted.err());
        assertEquals("stagecraft: 12.5 kB wasted, more than --max-wasted 12kB\n", wasted.err());
        assertTrue(wasted.out().contains("10 kB  /big  (layers 1, 2)"), wasted.out());
        Run fine = stagecraft(null, "layers", CASES, "--max-wasted", "13kB", "--min-efficiency", "0.99");
        assertEquals(0, fine.exit(), fine.err());
        Run efficiency = stagecraft(null, "layers", CASES, "--min-efficiency", "99.9%", "--format", "json");
        assertEquals(3, efficiency.exit(), efficiency.err());
        assertTrue(efficiency.err().startsWith("stagecraft: efficiency 0.99"), efficiency.err());
        assertEquals(12_502, JSON.readTree(efficiency.out()).get("wastedBytes").asLong());
    }

    @Test
    void aWrongImageEngineOrOptionIsOneLineAndExitTwo() throws Exception {
        Run none = stagecraft(null, "layers", "stagecraft-test/no-such:image");
        assertEquals(2, none.exit());
        assertEquals("stagecraft: no such image: stagecraft-test/no-such:image\n", none.err());
        assertEquals("", none.out());
        Run noEngine = stagecraft("unix:///nonexistent/docker.sock", "layers", CASES);
        assertEquals(2, noEngine.exit());
        assertEquals(1, noEngine.err().lines().count(), noEngine.err());
        assertTrue(noEngine.err().startsWith("stagecraft: no Docker engine at unix:///nonexistent/docker.sock"),
                noEngine.err());
        Run badRatio = stagecraft(null, "layers", CASES, "--min-efficiency", "1.5");
        assertEquals(2, badRatio.exit());
        assertTrue(badRatio.err().startsWith("stagecraft: --min-efficiency: '1.5' is not a ratio"), badRatio.err());
        Run badSize = stagecraft(null, "layers", CASES, "--max-wasted", "lots");
        assertEquals(2, badSize.exit());
        assertTrue(badSize.err().startsWith("stagecraft: --max-wasted: 'lots' is not a size"), badSize.err());
    }
}
