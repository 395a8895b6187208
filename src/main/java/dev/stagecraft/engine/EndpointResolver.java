package dev.stagecraft.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the engine the way the Docker CLI does: {@code DOCKER_HOST} (with
 * {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}), then {@code DOCKER_CONTEXT}, then the
 * current context of {@code ~/.docker/config.json}, then the default socket; when that socket is
 * missing, the usual rootless, Podman, Colima and Docker Desktop sockets. Environment, home and the
 * file check are injected so the rules are testable. Stateless; thread-safe.
 */
public final class EndpointResolver {
    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(EndpointResolver.class.getName());

    private final Map<String, String> env;
    private final Path home;
    private final Predicate<Path> exists;

    public EndpointResolver(Map<String, String> env, Path home, Predicate<Path> exists) {
        this.env = env;
        this.home = home;
        this.exists = exists;
    }

    /** The resolver for this process: real environment, home and file system. */
    public static EndpointResolver system() {
        return new EndpointResolver(System.getenv(), Path.of(System.getProperty("user.home")), Files::exists);
    }

    /** The endpoint to use. A configured one (variable or context) wins even if nothing answers there. */
    public EngineEndpoint resolve() {
        return candidates().get(0);
    }

    /** The configured endpoint, or the default socket followed by the fallbacks that exist. */
    public List<EngineEndpoint> candidates() {
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            boolean tls = isTrue(env.get("DOCKER_TLS_VERIFY"));
            String certs = env.get("DOCKER_CERT_PATH");
            Path certPath = certs != null && !certs.isBlank() ? Path.of(certs) : home.resolve(".docker");
            return List.of(new EngineEndpoint(host.strip(), null, tls, tls ? certPath : null, "DOCKER_HOST"));
        }
        String context = env.get("DOCKER_CONTEXT");
        String from = "DOCKER_CONTEXT";
        if (context == null || context.isBlank()) {
            context = currentContext();
            from = "~/.docker/config.json";
        }
        if (context != null && !context.isBlank() && !context.equals("default")) {
            EngineEndpoint e = fromContext(context, from);
            if (e != null) {
                return List.of(e);
            }
        }
        List<EngineEndpoint> out = new ArrayList<>();
        out.add(EngineEndpoint.of(DEFAULT_SOCKET, "default socket"));
        if (!exists.test(Path.of("/var/run/docker.sock"))) {
            String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
            List<String[]> fallbacks = new ArrayList<>();
            if (!runtime.isBlank()) {
                fallbacks.add(new String[] {runtime + "/docker.sock", "rootless Docker socket"});
                fallbacks.add(new String[] {runtime + "/podman/podman.sock", "Podman socket"});
            }
            fallbacks.add(new String[] {"/run/podman/podman.sock", "Podman socket"});
            fallbacks.add(new String[] {home.resolve(".colima/default/docker.sock").toString(), "Colima socket"});
            fallbacks.add(new String[] {home.resolve(".docker/run/docker.sock").toString(), "Docker Desktop socket"});
            List<EngineEndpoint> found = new ArrayList<>();
            for (String[] f : fallbacks) {
                if (exists.test(Path.of(f[0]))) {
                    found.add(EngineEndpoint.of("unix://" + f[0], f[1]));
                }
            }
            out.addAll(0, found);
        }
        return out;
    }

    private String currentContext() {
        Path config = configDir().resolve("config.json");
        if (!exists.test(config)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(config.toFile()).get("currentContext");
            return node == null ? null : node.asText();
        } catch (IOException e) {
            // as the Docker CLI does, go on without it (it warns: "Error loading config file")
            LOG.log(System.Logger.Level.DEBUG, "can't read " + config + "; no current context", e);
            return null;
        }
    }

    private Path configDir() {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker");
    }

    /** A context's docker endpoint from contexts/meta/&lt;sha256(name)&gt;/meta.json. */
    private EngineEndpoint fromContext(String name, String from) {
        String id = sha256(name);
        Path meta = configDir().resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!exists.test(meta)) {
            return null;
        }
        try {
            JsonNode docker = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
            String host = docker.path("Host").asText(null);
            if (host == null) {
                return null;
            }
            Path tls = configDir().resolve("contexts").resolve("tls").resolve(id).resolve("docker");
            boolean hasTls = exists.test(tls.resolve("ca.pem")) || exists.test(tls.resolve("cert.pem"));
            boolean verify = hasTls && !docker.path("SkipTLSVerify").asBoolean(false);
            return new EngineEndpoint(host, name, verify, hasTls ? tls : null, "context " + name + " (" + from + ")");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "can't read " + meta + "; context " + name + " is ignored", e);
            return null;
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTrue(String v) {
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }
}
