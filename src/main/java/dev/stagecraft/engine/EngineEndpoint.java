package dev.stagecraft.engine;

import java.nio.file.Path;

/**
 * Where a Docker engine is expected: a host URL ({@code unix:///var/run/docker.sock},
 * {@code tcp://host:2376}), the context it came from (null if none), TLS material, and how it was
 * found ("DOCKER_HOST", "context remote", "default socket", "Podman socket", ...). Immutable.
 */
public record EngineEndpoint(String host, String context, boolean tlsVerify, Path certPath, String source) {

    public static EngineEndpoint of(String host, String source) {
        return new EngineEndpoint(host, null, false, null, source);
    }

    public boolean unixSocket() {
        return host.startsWith("unix://");
    }

    /** The socket file of a {@code unix://} endpoint. */
    public Path socketPath() {
        return Path.of(host.substring("unix://".length()));
    }
}
