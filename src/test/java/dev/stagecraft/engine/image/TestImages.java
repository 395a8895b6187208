package dev.stagecraft.engine.image;

import dev.stagecraft.testing.DockerEngine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Images the layer tests build on the real engine from the local base images, with the Docker
 * CLI (BuildKit unless asked for the classic builder), tagged so later tests can find them.
 */
public final class TestImages {
    /** Every case of the issue in one image: deleted, overwritten, opaque dir, hard and symbolic links, COPY --from. */
    public static final String CASES = """
            FROM stagecraft-test/busybox AS src
            RUN mkdir -p /out/sub && echo one > /out/a.txt && head -c 3000 /dev/zero > /out/sub/b.bin && ln -s a.txt /out/link

            FROM stagecraft-test/busybox
            RUN head -c 10000 /dev/zero > /big && head -c 500 /dev/zero > /keep
            RUN rm /big
            RUN head -c 700 /dev/zero > /keep
            RUN mkdir -p /opq/old && head -c 2000 /dev/zero > /opq/old/f && echo x > /opq/g
            RUN rm -rf /opq && mkdir /opq && echo new > /opq/n
            RUN head -c 4000 /dev/zero > /hl1 && ln /hl1 /hl2 && ln -s /hl1 /sl
            COPY --from=src /out /copied
            """;

    private TestImages() {
    }

    /** Builds {@code dockerfile} (in an empty context) as {@code tag}; returns the image id. */
    public static String build(Path dir, String tag, String dockerfile, boolean buildkit)
            throws IOException, InterruptedException {
        Path ctx = Files.createTempDirectory(dir, "ctx");
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        List<String> cmd = new ArrayList<>(List.of(docker(), "build", "-q", "-t", tag, ctx.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", buildkit ? "1" : "0");
        File log = Files.createTempFile(dir, "build", ".log").toFile();
        Process p = pb.redirectOutput(log).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("docker build " + tag + " failed: " + Files.readString(log.toPath()));
        }
        return DockerEngine.cli("image", "inspect", "--format", "{{.Id}}", tag);
    }

    /** {@code docker history}'s sizes, oldest first, for layers only (the engine's sizes of non-empty steps). */
    public static List<Long> historySizes(String image) throws IOException, InterruptedException {
        List<Long> out = new ArrayList<>();
        for (String line : DockerEngine.cli("history", "--no-trunc", "--human=false", "--format", "{{.Size}}", image)
                .lines().toList()) {
            out.add(0, Long.parseLong(line.strip()));
        }
        return out;
    }

    /** Writes {@code docker save IMAGE} to a file (for tests that read an export without the engine). */
    public static Path save(Path dir, String image) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "save", ".tar");
        Process p = new ProcessBuilder(docker(), "save", "-o", out.toString(), image).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("docker save " + image + " failed: " + msg);
        }
        return out;
    }

    static String docker() {
        return Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
    }
}
