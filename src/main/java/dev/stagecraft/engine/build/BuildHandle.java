package dev.stagecraft.engine.build;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running build: its result when it ends, and a way to stop it. Thread-safe.
 * {@link #cancelInBackground} returns at once (the FX thread may call it); {@link #cancel} and
 * {@link #await} block, so call them off the FX thread.
 */
public final class BuildHandle {
    /** How long {@link #cancel} waits for the build to wind down. */
    public static final long CANCEL_WAIT_MILLIS = 2000;
    private static final System.Logger LOG = System.getLogger(BuildHandle.class.getName());

    private final CompletableFuture<BuildResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> aborted = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Object listenerLock;
    private volatile Runnable abort = () -> {
    };

    /** {@code listenerLock} is held while the listener runs, so a cancel from the listener need not wait. */
    BuildHandle(Object listenerLock) {
        this.listenerLock = listenerLock;
    }

    /** Completes once the build has ended, with the result also reported by {@link BuildEvent.Finished}. */
    public CompletableFuture<BuildResult> result() {
        return result.copy();
    }

    public BuildResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Starts stopping the build and returns at once: a background thread drops the connection (the
     * engine then stops the step that runs) and asks the engine to remove what runs, each engine
     * call within its time limit. The result completes when the build has ended. Does nothing
     * once ended.
     */
    public CompletableFuture<BuildResult> cancelInBackground() {
        if (!result.isDone() && cancelled.compareAndSet(false, true)) {
            Thread t = new Thread(this::runAbort, "cancel-build");
            t.setDaemon(true);
            t.start();
        }
        return result();
    }

    /**
     * Stops the build as {@link #cancelInBackground} does and waits until it has ended and the
     * engine has been told, or {@value #CANCEL_WAIT_MILLIS} ms at most; called from the listener,
     * it returns at once and the build ends after the listener returns.
     */
    public void cancel() {
        cancelInBackground();
        if (Thread.holdsLock(listenerLock) || result.isDone() && aborted.isDone()) {
            return;
        }
        try {
            CompletableFuture.allOf(result, aborted).get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported all the same when the builder thread ends; say why the wait ended early
            LOG.log(System.Logger.Level.DEBUG, "the build had not ended " + CANCEL_WAIT_MILLIS + " ms after cancel", e);
        }
    }

    private void runAbort() {
        try {
            abort.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "stopping a build failed", e);
        } finally {
            aborted.complete(null);
        }
    }

    /** What stops the build; it may be replaced as the build goes on (before and after the engine answers). */
    void onCancel(Runnable r) {
        this.abort = r;
    }

    void complete(BuildResult r) {
        result.complete(r);
        if (!cancelled.get()) {
            aborted.complete(null);
        }
    }
}
