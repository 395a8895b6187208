package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.engine.Engine;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stagecraft build} as a user runs it, against the real engine: a C program compiled with
 * gcc in a Debian builder stage and copied into {@code FROM scratch}, with both builders; the
 * numbers must equal what the Docker CLI reports for the same images.
 */
@Tag("docker")
class BuildCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String C_PROGRAM = "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n";
    private static final String DOCKERFILE = """
            FROM stagecraft-test/debian:bookworm AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
            WORKDIR /src
            COPY hello.c .
            RUN gcc -static -O2 -o hello hello.c

            FROM scratch
            COPY --from=builder /src/hello /hello
            CMD ["/hello"]
            """;

    @TempDir
    static Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void engine() throws Exception {
        try (Engine e = DockerEngine.require()) {
            // skips (or fails under REQUIRE_DOCKER=1) when there is no engine or base image
        }
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
        File out = Files.createTempFile(dir, "out", ".txt").toFile();
        File err = Files.createTempFile(dir, "err", ".txt").toFile();
        Process p = pb.redirectOutput(out).redirectError(err).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "build timed out");
        return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    static Path project(String name, String dockerfile, String... files) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("Dockerfile"), dockerfile);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(d.resolve(files[i]), files[i + 1]);
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit", "classic"})
    void reportsWhatTheDockerCliReports(String builder) throws Exception {
        Path p = project("c-" + builder, DOCKERFILE, "hello.c", C_PROGRAM);
        Run r = stagecraft(null, "build", p.toString(), "--builder", builder, "--report", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(builder, report.get("builder").asText());
        JsonNode stages = report.get("stages");
        assertEquals(2, stages.size());
        for (JsonNode s : stages) {
            String id = s.get("image").asText();
            assertEquals(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", id), s.get("size").asText(),
                    "stage " + s.get("index"));
            List<String> cliLayers = new ArrayList<>(DockerEngine.cli("history", "--human=false", "--format",
                    "{{.Size}}", id).lines().toList());
            java.util.Collections.reverse(cliLayers);
            List<String> ours = new ArrayList<>();
            s.get("layers").forEach(l -> ours.add(l.get("size").asText()));
            assertEquals(cliLayers, ours, "layers of stage " + s.get("index"));
        }
        JsonNode fin = report.get("final");
        JsonNode builderStage = report.get("largestBuilder");
        assertEquals(1, fin.get("index").asInt());
        assertEquals(0, builderStage.get("index").asInt());
        assertTrue(fin.get("size").asLong() * 100 < builderStage.get("size").asLong(),
                "the final image is far smaller than the builder");
        JsonNode copy = report.get("copies").get(0);
        assertEquals(8, copy.get("line").asInt());
        JsonNode copyLayer = null;
        for (JsonNode l : stages.get(1).get("layers")) {
            if (l.get("line").asInt() == 8) {
                copyLayer = l;
            }
        }
        assertEquals(copyLayer.get("size").asLong(), copy.get("bytes").asLong());
        assertTrue(copy.get("bytes").asLong() > 100_000, "a static binary: " + copy);
    }

    @Test
    void aFailingRunIsReportedAtItsLineWithExitOne() throws Exception {
        Path p = project("failing", "FROM stagecraft-test/busybox AS base\nRUN echo fine\nRUN exit 3\n");
        for (String builder : List.of("buildkit", "classic")) {
            Run r = stagecraft(null, "build", p.toString(), "--builder", builder);
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("build failed at Dockerfile:3 (RUN exit 3)"), builder + ": " + r.err());
        }
    }

    @Test
    void theClassicBuilderRefusesBuildKitOnlyDockerfilesNamingTheLine() throws Exception {
        Path p = project("mount", "FROM stagecraft-test/busybox\nRUN --mount=type=cache,target=/c true\n");
        Run r = stagecraft(null, "build", p.toString(), "--builder", "classic");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("line 2: RUN --mount needs BuildKit") && r.err().contains("build with BuildKit"),
                r.err());
    }

    @Test
    void ignoredFilesNeverReachTheEngineAndTheSizeLimitFailsCi() throws Exception {
        Path p = project("ignore", "FROM stagecraft-test/busybox\nCOPY . /ctx\nRUN test ! -e /ctx/secret.txt && test -e /ctx/app.txt\n",
                "secret.txt", "hunter2", "app.txt", "app", ".dockerignore", "secret.txt\n");
        Run ok = stagecraft(null, "build", p.toString());
        assertEquals(0, ok.exit(), ok.err());
        // Dockerfile, .dockerignore and app.txt are sent; secret.txt is not
        assertTrue(ok.err().lines().anyMatch(l -> l.matches("context .*ignore: 3 files, \\d+ B")), ok.err());
        Run big = stagecraft(null, "build", p.toString(), "--max-final-size", "1kB");
        assertEquals(3, big.exit());
        assertTrue(big.err().contains("more than --max-final-size 1kB"), big.err());
    }

    @Test
    void noEngineIsOneClearLineAndExitTwo() throws Exception {
        Path p = project("none", "FROM stagecraft-test/busybox\n");
        Run r = stagecraft("unix:///tmp/stagecraft-nonexistent.sock", "build", p.toString());
        assertEquals(2, r.exit());
        assertEquals("stagecraft: no Docker engine at unix:///tmp/stagecraft-nonexistent.sock: no such socket — "
                + "start dockerd or set DOCKER_HOST", r.err().strip());
    }
}
