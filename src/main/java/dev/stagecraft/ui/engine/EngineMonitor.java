package dev.stagecraft.ui.engine;

import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.EngineStatus;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * View model of the engine connection: which endpoint (the user's, else the one the Docker CLI
 * would use), whether an engine answers there, and the connected {@link Engine} when one does.
 * Checks run on {@code background}; while the engine is down they repeat every
 * {@link #RECHECK_SECONDS} s so a returning engine is picked up. State changes on {@code fx}.
 * Call from the FX thread.
 */
public final class EngineMonitor {
    public static final long RECHECK_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(EngineMonitor.class.getName());

    private final ScheduledExecutorService background;
    private final Executor fx;
    private final Function<EngineEndpoint, Engine> connector;
    private final ReadOnlyObjectWrapper<EngineStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<Engine> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Checking the Docker engine\u2026");
    private String host;
    private ScheduledFuture<?> recheck;
    private int generation;

    public EngineMonitor(ScheduledExecutorService background, Executor fx, Function<EngineEndpoint, Engine> connector) {
        this.background = background;
        this.fx = fx;
        this.connector = connector;
    }

    /** The user's endpoint ({@code tcp://host:2375}, {@code unix:///path}), or null/blank for the CLI's choice. */
    public void setHost(String newHost) {
        host = newHost == null || newHost.isBlank() ? null : newHost.strip();
    }

    public String host() {
        return host;
    }

    /**
     * The endpoint a check will use now: the user's, else the Docker CLI's (which reads the Docker
     * config: blocking, so call it off the FX thread).
     */
    public static EngineEndpoint endpoint(String userHost) {
        return userHost != null ? EngineEndpoint.of(userHost, "Settings") : EndpointResolver.system().resolve();
    }

    /**
     * Checks now (off the FX thread) and keeps re-checking while the engine is down. Whatever goes
     * wrong in a check (a bad endpoint, a client that throws) ends in a down state saying why.
     */
    public void check() {
        int gen = ++generation;
        if (recheck != null) {
            recheck.cancel(false);
            recheck = null;
        }
        summary.set("Checking the Docker engine\u2026");
        String userHost = host;
        background.execute(() -> {
            Engine e = null;
            EngineStatus s;
            String failure = null;
            try {
                e = connector.apply(endpoint(userHost));
                s = e.status();
            } catch (RuntimeException | Error x) {
                LOG.log(System.Logger.Level.WARNING, "engine check failed", x);
                s = null;
                failure = "cannot check the Docker engine" + (userHost == null ? "" : " at " + userHost) + ": "
                        + Engine.reason(x);
            }
            Engine engineFound = e;
            EngineStatus status = s;
            String why = failure;
            fx.execute(() -> {
                if (status == null) {
                    failed(gen, why);
                } else {
                    checked(gen, engineFound, status);
                }
            });
        });
    }

    private void failed(int gen, String why) {
        if (gen != generation) {
            return;
        }
        Engine old = engine.get();
        status.set(null);
        engine.set(null);
        summary.set(why);
        scheduleRecheck(gen);
        if (old != null) {
            closeQuietly(old);
        }
    }

    private void scheduleRecheck(int gen) {
        recheck = background.schedule(() -> fx.execute(() -> {
            if (gen == generation) {
                check();
            }
        }), RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    void checked(int gen, Engine e, EngineStatus s) {
        if (gen != generation) {
            closeQuietly(e);
            return;
        }
        Engine old = engine.get();
        status.set(s);
        summary.set(s.up() ? s.describe() : s.problem());
        if (s.up()) {
            engine.set(e);
        } else {
            engine.set(null);
            closeQuietly(e);
            scheduleRecheck(gen);
        }
        if (old != null && old != e) {
            closeQuietly(old);
        }
    }

    /** Stops re-checking (the window closed). */
    public void stop() {
        generation++;
        if (recheck != null) {
            recheck.cancel(false);
        }
    }

    private static void closeQuietly(Engine e) {
        try {
            e.close();
        } catch (Exception x) {
            LOG.log(System.Logger.Level.DEBUG, "closing an engine client failed", x);
        }
    }

    public ReadOnlyObjectProperty<EngineStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The connected engine, or null while none answers. */
    public ReadOnlyObjectProperty<Engine> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** One line for the status bar: engine and API version, or why there is none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
