package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker CLI's order: DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket, fallbacks. */
class EndpointResolverTest {
    @TempDir
    Path home;

    private EndpointResolver resolver(Map<String, String> env, Path... existing) {
        List<Path> files = List.of(existing);
        return new EndpointResolver(env, home, p -> files.contains(p) || Files.exists(p) && p.startsWith(home));
    }

    private void context(String name, String host, boolean tls) throws Exception {
        Path meta = home.resolve(".docker/contexts/meta").resolve(EndpointResolver.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (tls) {
            Path certs = home.resolve(".docker/contexts/tls").resolve(EndpointResolver.sha256(name)).resolve("docker");
            Files.createDirectories(certs);
            Files.writeString(certs.resolve("ca.pem"), "x");
        }
    }

    @Test
    void dockerHostWinsWithItsTlsSettings() {
        EngineEndpoint e = resolver(Map.of("DOCKER_HOST", "tcp://build.example:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs", "DOCKER_CONTEXT", "other")).resolve();
        assertEquals("tcp://build.example:2376", e.host());
        assertTrue(e.tlsVerify());
        assertEquals(Path.of("/certs"), e.certPath());
        assertEquals("DOCKER_HOST", e.source());
    }

    @Test
    void dockerContextThenTheCurrentContextOfConfigJson() throws Exception {
        context("remote", "tcp://10.0.0.5:2376", true);
        context("colima", "unix:///home/me/.colima/default/docker.sock", false);
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"colima\"}");
        EngineEndpoint fromEnv = resolver(Map.of("DOCKER_CONTEXT", "remote")).resolve();
        assertEquals("tcp://10.0.0.5:2376", fromEnv.host());
        assertEquals("remote", fromEnv.context());
        assertTrue(fromEnv.tlsVerify());
        EngineEndpoint fromConfig = resolver(Map.of()).resolve();
        assertEquals("unix:///home/me/.colima/default/docker.sock", fromConfig.host());
        assertTrue(fromConfig.source().contains("config.json"), fromConfig.source());
    }

    @Test
    void theDefaultSocketWhenItExistsElseTheSocketsThatDo() {
        Path podman = Path.of("/run/user/1000/podman/podman.sock");
        List<EngineEndpoint> withDefault = resolver(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"),
                Path.of("/var/run/docker.sock"), podman).candidates();
        assertEquals(List.of(EndpointResolver.DEFAULT_SOCKET), withDefault.stream().map(EngineEndpoint::host).toList());
        List<EngineEndpoint> without = resolver(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), podman).candidates();
        assertEquals("unix:///run/user/1000/podman/podman.sock", without.get(0).host());
        assertEquals("Podman socket", without.get(0).source());
        assertEquals(EndpointResolver.DEFAULT_SOCKET, without.get(without.size() - 1).host());
    }
}
