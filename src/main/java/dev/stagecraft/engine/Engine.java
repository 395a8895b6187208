package dev.stagecraft.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;

/**
 * A connection to one Docker engine through docker-java and its httpclient5 transport: the
 * {@link DockerClient} for commands and the raw {@link DockerHttpClient} for endpoints
 * docker-java lacks (BuildKit builds, image history). Thread-safe; close it when done.
 */
public final class Engine implements Closeable {
    public static final String SETTINGS_HINT = "choose another engine in Settings";
    public static final String CLI_HINT = "set DOCKER_HOST";

    private final EngineEndpoint endpoint;
    private final DockerHttpClient http;
    private final DockerClient docker;
    private final String hint;

    private Engine(EngineEndpoint endpoint, DockerHttpClient http, DockerClient docker, String hint) {
        this.endpoint = endpoint;
        this.http = http;
        this.docker = docker;
        this.hint = hint;
    }

    /** Prepares a client for the endpoint, for the UI ({@link #SETTINGS_HINT}); nothing is sent yet. */
    public static Engine connect(EngineEndpoint endpoint) {
        return connect(endpoint, SETTINGS_HINT);
    }

    /**
     * Prepares a client for the endpoint; nothing is sent until a command runs. {@code hint} ends
     * every no-engine message: {@link #SETTINGS_HINT} for the UI, {@link #CLI_HINT} for the CLI.
     */
    public static Engine connect(EngineEndpoint endpoint, String hint) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.certPath() != null) {
            config.withDockerCertPath(endpoint.certPath().toString());
        }
        DefaultDockerClientConfig cfg = config.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .maxConnections(16)
                .build();
        return new Engine(endpoint, http, DockerClientImpl.getInstance(cfg, http), hint);
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    public DockerClient docker() {
        return docker;
    }

    public DockerHttpClient http() {
        return http;
    }

    /** Asks the engine for its version; never throws. Blocking: call off the FX thread. */
    public EngineStatus status() {
        return status(hint);
    }

    /** {@link #status()} with another hint at the end of the no-engine message. */
    public EngineStatus status(String hint) {
        if (endpoint.unixSocket() && !Files.exists(endpoint.socketPath())) {
            return down("no such socket", hint);
        }
        try {
            Version v = docker.versionCmd().exec();
            return new EngineStatus(endpoint, v.getVersion(), v.getApiVersion(), v.getOperatingSystem(), v.getArch(),
                    null);
        } catch (RuntimeException e) {
            return down(reason(e), hint);
        }
    }

    private EngineStatus down(String reason, String hint) {
        return new EngineStatus(endpoint, null, null, null, null, EngineStatus.noEngine(endpoint, reason, hint));
    }

    /** A short, human reason from a transport failure. */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof AccessDeniedException || m.contains("permission denied")) {
                return "permission denied (add your user to the docker group, or run as root)";
            }
            if (t instanceof NoSuchFileException || m.contains("no such file")) {
                return "no such socket";
            }
            if (t instanceof ConnectException || m.contains("connection refused")) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException || m.contains("timed out") || m.contains("timeout")) {
                return "no answer within 3 s";
            }
            if (m.contains("unknown host") || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
