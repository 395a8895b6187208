package dev.stagecraft.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine the Docker CLI would use, for integration tests. Without one (or
 * without the base images scripts/test-engine.sh makes) a test is skipped with the reason, or
 * fails when {@code REQUIRE_DOCKER=1}, as in CI.
 */
public final class DockerEngine {
    public static final String BUSYBOX = "stagecraft-test/busybox";
    public static final String DEBIAN = "stagecraft-test/debian:bookworm";

    private DockerEngine() {
    }

    /** A connected engine with both base images, or the test is skipped or failed. */
    public static Engine require() {
        Engine engine = Engine.connect(EndpointResolver.system().resolve());
        EngineStatus status = engine.status("run scripts/test-engine.sh");
        if (!status.up()) {
            unavailable(status.problem());
        }
        for (String image : List.of(BUSYBOX, DEBIAN)) {
            try {
                engine.docker().inspectImageCmd(image).exec();
            } catch (RuntimeException e) {
                unavailable("base image " + image + " is missing: run scripts/test-engine.sh");
            }
        }
        return engine;
    }

    private static void unavailable(String why) {
        if ("1".equals(System.getenv("REQUIRE_DOCKER"))) {
            fail("REQUIRE_DOCKER=1 but " + why);
        }
        Assumptions.abort(why);
    }

    /** Runs the Docker CLI (Debian's /usr/bin/docker if present) and returns its trimmed output. */
    public static String cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
