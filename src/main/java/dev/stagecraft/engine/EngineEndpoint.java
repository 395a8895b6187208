package dev.stagecraft.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Docker engine is expected: a host URL ({@code unix:///var/run/docker.sock},
 * {@code tcp://host:2376}), the context it came from (null if none), TLS material, and how it was
 * found ("DOCKER_HOST", "context remote", "default socket", "Podman socket", ...). Immutable.
 */
public record EngineEndpoint(String host, String context, boolean tlsVerify, Path certPath, String source) {
    /** What to write instead of an address Stagecraft can't use. */
    static final String SUPPORTED = "use unix:///path/to/docker.sock or tcp://host:port";

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

    /**
     * The address as docker-java takes it: {@code tcp://host} gets the Docker CLI's default port
     * (2376 with TLS, else 2375). Only meaningful when {@link #problem()} is empty.
     */
    String clientHost() {
        if (host.startsWith("tcp://")) {
            URI uri = URI.create(host);
            if (uri.getPort() < 0) {
                return "tcp://" + uri.getHost() + ":" + (tlsVerify ? 2376 : 2375);
            }
        }
        return host;
    }

    /**
     * Why Stagecraft can't reach an engine at this address at all, in one line naming the address,
     * where it came from and what works instead; empty for a usable address. Pure.
     */
    public Optional<String> problem() {
        String h = host == null ? "" : host.strip();
        String where = source == null || source.isBlank() ? h : h + " (" + source + ")";
        int colon = h.indexOf("://");
        if (colon <= 0) {
            return Optional.of("can't use the engine address '" + h + "'" + from() + ": it has no scheme — " + SUPPORTED);
        }
        String scheme = h.substring(0, colon).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "unix":
                return h.length() > "unix://".length() ? Optional.empty()
                        : Optional.of("can't use the engine address " + where + ": no socket path — " + SUPPORTED);
            case "tcp":
                return tcpProblem(h, where);
            case "ssh":
                return Optional.of("can't use the engine address " + where + ": Stagecraft does not speak ssh:// — "
                        + "forward the engine's socket (ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock HOST) "
                        + "and use unix:///tmp/docker.sock");
            case "npipe":
                return System.getProperty("os.name", "").startsWith("Windows") ? Optional.empty()
                        : Optional.of("can't use the engine address " + where + ": named pipes exist only on Windows — "
                        + SUPPORTED);
            default:
                return Optional.of("can't use the engine address " + where + ": Stagecraft does not support '"
                        + scheme + "://' — " + SUPPORTED);
        }
    }

    private String from() {
        return source == null || source.isBlank() ? "" : " (" + source + ")";
    }

    private static Optional<String> tcpProblem(String h, String where) {
        URI uri;
        try {
            uri = new URI(h);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("can't use the engine address " + where + ": no host name or a port that is not a number — "
                    + SUPPORTED);
        }
        if (uri.getPort() > 65535) {
            return Optional.of("can't use the engine address " + where + ": port " + uri.getPort() + " is out of range");
        }
        return Optional.empty();
    }
}
