package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an engine users get one line saying where nothing answered and what to do. */
class NoEngineTest {

    private static Engine engineFromDockerHost(String host, String hint) {
        EndpointResolver resolver = new EndpointResolver(Map.of("DOCKER_HOST", host), Path.of("/nonexistent-home"),
                Files::exists);
        return Engine.connect(resolver.resolve(), hint);
    }

    @Test
    void aMissingSocketSaysSoInOneLine() throws Exception {
        try (Engine e = engineFromDockerHost("unix:///tmp/nonexistent.sock", Engine.SETTINGS_HINT)) {
            EngineStatus s = e.status();
            assertFalse(s.up());
            assertEquals("no Docker engine at unix:///tmp/nonexistent.sock: no such socket — start dockerd or "
                    + "choose another engine in Settings", s.problem());
            assertEquals(s.problem(), s.describe());
        }
    }

    @Test
    void aSocketNobodyListensOnIsConnectionRefused(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
        } // closed: the file stays, nobody accepts
        assertTrue(Files.exists(sock));
        try (Engine e = engineFromDockerHost("unix://" + sock, Engine.CLI_HINT)) {
            assertEquals("no Docker engine at unix://" + sock + ": connection refused — start dockerd or set "
                    + "DOCKER_HOST", e.status().problem());
        }
    }

    @Test
    void aClosedTcpPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Engine e = engineFromDockerHost("tcp://127.0.0.1:" + port, Engine.CLI_HINT)) {
            assertEquals("no Docker engine at tcp://127.0.0.1:" + port + ": connection refused — start dockerd or "
                    + "set DOCKER_HOST", e.status().problem());
        }
    }
}
