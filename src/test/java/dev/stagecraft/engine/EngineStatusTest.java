package dev.stagecraft.engine;

import dev.stagecraft.testing.DockerEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real engine's status, compared with what the Docker CLI says about it. */
@Tag("docker")
class EngineStatusTest {
    @Test
    void reportsTheVersionsTheCliReports() throws Exception {
        try (Engine e = DockerEngine.require()) {
            EngineStatus s = e.status();
            assertTrue(s.up(), s.problem());
            assertEquals(DockerEngine.cli("version", "--format", "{{.Server.Version}}"), s.engineVersion());
            assertEquals(DockerEngine.cli("version", "--format", "{{.Server.APIVersion}}"), s.apiVersion());
            assertEquals("Docker " + s.engineVersion() + " (API " + s.apiVersion() + ") at " + e.endpoint().host(),
                    s.describe());
        }
    }
}
