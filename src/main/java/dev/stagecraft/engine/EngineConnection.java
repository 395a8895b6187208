package dev.stagecraft.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * One HTTP connection pool to the engine and docker-java's client on it: the engine's shared one
 * (with a read timeout) or a build stream's own (without). Closing it aborts whatever waits on it,
 * from any thread. Thread-safe.
 */
public final class EngineConnection implements Closeable {
    private static final System.Logger LOG = System.getLogger(EngineConnection.class.getName());

    private final DockerHttpClient http;
    private final DockerClient docker;
    private volatile boolean expired;
    private volatile boolean closed;

    private EngineConnection(DockerHttpClient http, DockerClient docker) {
        this.http = http;
        this.docker = docker;
    }

    /** {@code readTimeout} null: none (a build stream). Nothing is sent yet. */
    static EngineConnection open(DefaultDockerClientConfig config, Duration connectTimeout, Duration readTimeout) {
        ApacheDockerHttpClient.Builder b = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connectTimeout)
                .maxConnections(16);
        if (readTimeout != null) {
            b.responseTimeout(readTimeout);
        }
        DockerHttpClient http = b.build();
        return new EngineConnection(http, DockerClientImpl.getInstance(config, http));
    }

    public DockerHttpClient http() {
        return http;
    }

    public DockerClient docker() {
        return docker;
    }

    /** Whether the engine closed it because a call got no answer in time. */
    boolean expired() {
        return expired;
    }

    /** Whether it was closed: what fails on it afterwards failed because of that. */
    public boolean isClosed() {
        return closed;
    }

    void expire() {
        expired = true;
        closeQuietly();
    }

    /** Closes it, logging (not throwing) a failure to: used where the close itself is the cleanup. */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an engine connection failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        docker.close();
    }
}
