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

    /** The endpoint a check will use now. */
    public EngineEndpoint endpoint() {
        return host != null ? EngineEndpoint.of(host, "Settings") : EndpointResolver.system().resolve();
    }

    /** Checks now (off the FX thread) and keeps re-checking while the engine is down. */
    public void check() {
        int gen = ++generation;
        if (recheck != null) {
            recheck.cancel(false);
            recheck = null;
        }
        summary.set("Checking the Docker engine\u2026");
        EngineEndpoint at = endpoint();
        background.execute(() -> {
            Engine e = connector.apply(at);
            EngineStatus s = e.status();
            fx.execute(() -> checked(gen, e, s));
        });
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
            recheck = background.schedule(() -> fx.execute(() -> {
                if (gen == generation) {
                    check();
                }
            }), RECHECK_SECONDS, TimeUnit.SECONDS);
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
        } catch (Exception ignored) {
            // nothing to do about a client that will not close
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
