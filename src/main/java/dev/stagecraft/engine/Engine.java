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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A connection to one Docker engine through docker-java and its httpclient5 transport. Every
 * call but a build stream has a time limit ({@link #timeout()}, 10 s unless the system property
 * {@value #TIMEOUT_PROPERTY} gives seconds): {@link #call} and {@link #callHttp} run one on the
 * shared client and the caller waits at most that long; then the call fails with
 * {@link NoAnswer} and the client is closed, which frees the thread that waited for the engine on
 * any transport (a unix socket ignores read timeouts). A build stream gets a connection of its own without a time limit
 * ({@link #openStream}), closed to abort it. An address Stagecraft can't use gives an engine
 * whose {@link #status()} says why. Thread-safe; close it when done.
 */
public final class Engine implements Closeable {
    public static final String SETTINGS_HINT = "choose another engine in Settings";
    public static final String CLI_HINT = "set DOCKER_HOST";
    /** Seconds (a decimal number) every engine call but a build stream may take; default 10. */
    public static final String TIMEOUT_PROPERTY = "stagecraft.engine.timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** Runs engine calls so that their callers can stop waiting at the limit; daemon threads, made as needed. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "engine-call");
        t.setDaemon(true);
        return t;
    });

    private final EngineEndpoint endpoint;
    private final String hint;
    private final String problem;
    private final DefaultDockerClientConfig config;
    private final Duration timeout;
    private EngineConnection shared;
    private boolean closed;

    private Engine(EngineEndpoint endpoint, String hint, String problem, DefaultDockerClientConfig config,
                   Duration timeout) {
        this.endpoint = endpoint;
        this.hint = hint;
        this.problem = problem;
        this.config = config;
        this.timeout = timeout;
    }

    /** Prepares a client for the endpoint, for the UI ({@link #SETTINGS_HINT}); nothing is sent yet. */
    public static Engine connect(EngineEndpoint endpoint) {
        return connect(endpoint, SETTINGS_HINT);
    }

    /**
     * Prepares a client for the endpoint; nothing is sent until a command runs, and nothing is
     * thrown: an address that can't be used makes an engine whose {@link #status()} is down with
     * the reason. {@code hint} ends every no-engine message: {@link #SETTINGS_HINT} for the UI,
     * {@link #CLI_HINT} for the CLI.
     */
    public static Engine connect(EngineEndpoint endpoint, String hint) {
        Duration timeout = configuredTimeout();
        String problem = endpoint.problem().orElse(null);
        if (problem != null) {
            return new Engine(endpoint, hint, problem, null, timeout);
        }
        try {
            DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(endpoint.clientHost())
                    .withDockerTlsVerify(endpoint.tlsVerify());
            if (endpoint.certPath() != null) {
                config.withDockerCertPath(endpoint.certPath().toString());
            }
            return new Engine(endpoint, hint, null, config.build(), timeout);
        } catch (RuntimeException e) {
            // docker-java's own checks of the address and the TLS settings
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Engine(endpoint, hint, "can't use the engine address " + endpoint.host() + " ("
                    + endpoint.source() + "): " + why, null, timeout);
        }
    }

    /** The time limit of engine calls: the system property {@value #TIMEOUT_PROPERTY}, else 10 s. */
    static Duration configuredTimeout() {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(v.strip());
            if (seconds > 0) {
                return Duration.ofNanos((long) (seconds * 1e9));
            }
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}={1} is not a number of seconds; using 10 s", TIMEOUT_PROPERTY, v);
        }
        return DEFAULT_TIMEOUT;
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** How long an engine call (anything but a build stream) may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * docker-java's client on the shared connection, with the read timeout but without the
     * limit on the wait: prefer {@link #call}. Throws {@link IllegalStateException} when the address can't
     * be used or the engine is closed.
     */
    public DockerClient docker() {
        return shared().docker();
    }

    /** The shared HTTP client, for endpoints docker-java lacks; prefer {@link #callHttp}. */
    public DockerHttpClient http() {
        return shared().http();
    }

    /**
     * Runs one engine call on the shared connection within {@link #timeout()}. Blocking: call off
     * the FX thread.
     *
     * @throws NoAnswer when the engine does not answer in time
     */
    public <T> T call(Function<DockerClient, T> call) {
        try {
            return within(c -> call.apply(c.docker()));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a DockerClient call throws no checked exception
        }
    }

    /** A call through the raw HTTP client; see {@link #call}. */
    @FunctionalInterface
    public interface HttpCall<T> {
        T apply(DockerHttpClient http) throws IOException;
    }

    /**
     * Runs one request (and the reading of its answer) on the shared connection within
     * {@link #timeout()}; see {@link #call}.
     *
     * @throws NoAnswer when the engine does not answer in time
     */
    public <T> T callHttp(HttpCall<T> call) throws IOException {
        return within(c -> call.apply(c.http()));
    }

    /**
     * Runs {@code call} on a worker thread and waits for it at most {@link #timeout()}. At the
     * limit the caller gets {@link NoAnswer} at once and the connection is closed, which frees the
     * worker (a worker that opened its socket just as the connection closed stays blocked; it is a
     * daemon and holds nothing the caller waits for).
     */
    private <T> T within(HttpCall0<T> call) throws IOException {
        EngineConnection c = shared();
        Future<T> f = CALLS.submit(() -> call.apply(c));
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            expire(c);
            f.cancel(true);
            throw noAnswer(e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine at " + endpoint.host(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (c.expired() || timedOut(cause)) {
                throw noAnswer(cause);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @FunctionalInterface
    private interface HttpCall0<T> {
        T apply(EngineConnection c) throws IOException;
    }

    /**
     * A connection of its own for one build stream: no read timeout (builds take long). Close it
     * when the build ends; closing it from another thread aborts the stream, even one that waits
     * for an engine that stopped answering.
     */
    public EngineConnection openStream() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return EngineConnection.open(config, CONNECT_TIMEOUT, null);
    }

    /** "no answer from tcp://127.0.0.1:2375 within 10 s". */
    public String noAnswerMessage() {
        return "no answer from " + endpoint.host() + " within " + seconds(timeout);
    }

    private NoAnswer noAnswer(Throwable cause) {
        return new NoAnswer(noAnswerMessage(), cause);
    }

    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%s", s))
                + " s";
    }

    private synchronized EngineConnection shared() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (closed) {
            throw new IllegalStateException("the connection to " + endpoint.host() + " is closed");
        }
        if (shared == null) {
            shared = EngineConnection.open(config, CONNECT_TIMEOUT, timeout);
        }
        return shared;
    }

    /** A call got no answer in time: close the connection so whoever waits on it stops, and use a new one next. */
    private void expire(EngineConnection c) {
        synchronized (this) {
            if (shared == c) {
                shared = null;
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "{0}: closing the connection", noAnswerMessage());
        c.expire();
    }

    /** Asks the engine for its version; never throws, ends within the time limit. Blocking: call off the FX thread. */
    public EngineStatus status() {
        return status(hint);
    }

    /** {@link #status()} with another hint at the end of the no-engine message. */
    public EngineStatus status(String hint) {
        if (problem != null) {
            return new EngineStatus(endpoint, null, null, null, null, problem);
        }
        if (endpoint.unixSocket() && !Files.exists(endpoint.socketPath())) {
            return down(EngineStatus.noEngine(endpoint, "no such socket", hint));
        }
        try {
            Version v = call(d -> d.versionCmd().exec());
            return new EngineStatus(endpoint, v.getVersion(), v.getApiVersion(), v.getOperatingSystem(), v.getArch(),
                    null);
        } catch (NoAnswer e) {
            return down(EngineStatus.noAnswer(e.getMessage(), hint));
        } catch (RuntimeException e) {
            return down(EngineStatus.noEngine(endpoint, reason(e), hint));
        }
    }

    private EngineStatus down(String line) {
        return new EngineStatus(endpoint, null, null, null, null, line);
    }

    /** A short, human reason from a transport failure. */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoAnswer) {
                return t.getMessage();
            }
        }
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
                return m.contains("connect") ? "no answer to the connection within " + seconds(CONNECT_TIMEOUT)
                        : "no answer in time";
            }
            if (m.contains("unknown host") || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException && !(t instanceof java.net.ConnectException)
                    && !String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        EngineConnection c;
        synchronized (this) {
            closed = true;
            c = shared;
            shared = null;
        }
        if (c != null) {
            c.close();
        }
    }

    /**
     * The engine did not answer a call within the time limit; the message says where and how long
     * ("no answer from tcp://127.0.0.1:2375 within 10 s").
     */
    public static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
