package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.DockerEngine;
import java.net.ServerSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void aMissingSocketSaysWhereItLookedAndWhatToDo() throws Exception {
        try (Engine e = Engine.connect(EngineEndpoint.of("unix:///tmp/stagecraft-no-such.sock", "test"))) {
            EngineStatus s = e.status(Engine.SETTINGS_HINT);
            assertFalse(s.up());
            assertEquals("no Docker engine at unix:///tmp/stagecraft-no-such.sock: no such socket — start dockerd "
                    + "or choose another engine in Settings", s.problem());
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Engine e = Engine.connect(EngineEndpoint.of("tcp://127.0.0.1:" + port, "test"))) {
            EngineStatus s = e.status(Engine.CLI_HINT);
            assertEquals("no Docker engine at tcp://127.0.0.1:" + port + ": connection refused — start dockerd or set "
                    + "DOCKER_HOST", s.problem());
        }
    }

    @Test
    @Tag("docker")
    void theRealEngineAnswersWithItsVersions() throws Exception {
        try (Engine e = DockerEngine.require()) {
            EngineStatus s = e.status(Engine.SETTINGS_HINT);
            assertTrue(s.up(), s.problem());
            assertNotNull(s.engineVersion());
            assertTrue(s.describe().startsWith("Docker " + s.engineVersion() + " (API "), s.describe());
        }
    }
}
