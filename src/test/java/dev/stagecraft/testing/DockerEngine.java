package dev.stagecraft.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.EngineStatus;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine for integration tests: the one the Docker CLI would use. Without one,
 * a test is skipped with the reason, or fails when {@code REQUIRE_DOCKER=1} (as in CI). Base
 * images come from scripts/test-engine.sh.
 */
public final class DockerEngine {
    private DockerEngine() {
    }

    public static Engine require() {
        Engine engine = Engine.connect(EndpointResolver.system().resolve());
        EngineStatus status = engine.status("run scripts/test-engine.sh");
        if (!status.up()) {
            if ("1".equals(System.getenv("REQUIRE_DOCKER"))) {
                fail("REQUIRE_DOCKER=1 but " + status.problem());
            }
            Assumptions.abort(status.problem());
        }
        for (String image : new String[] {"stagecraft-test/busybox", "stagecraft-test/debian:bookworm"}) {
            try {
                engine.docker().inspectImageCmd(image).exec();
            } catch (RuntimeException e) {
                String why = "base image " + image + " is missing: run scripts/test-engine.sh";
                if ("1".equals(System.getenv("REQUIRE_DOCKER"))) {
                    fail(why);
                }
                Assumptions.abort(why);
            }
        }
        return engine;
    }
}
