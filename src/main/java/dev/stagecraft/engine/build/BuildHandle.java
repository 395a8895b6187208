package dev.stagecraft.engine.build;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running build: its result when it ends, and a way to stop it. Thread-safe; {@link #cancel}
 * and {@link #await} block, so call them off the FX thread.
 */
public final class BuildHandle {
    /** How long {@link #cancel} waits for the build to wind down. */
    public static final long CANCEL_WAIT_MILLIS = 2000;

    private final CompletableFuture<BuildResult> result = new CompletableFuture<>();
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
     * Stops the build: the engine stops the step that runs and removes its container. Returns when
     * the build has ended, or after {@value #CANCEL_WAIT_MILLIS} ms at most; called from the
     * listener, it returns at once and the build ends after the listener returns. Does nothing
     * once ended.
     */
    public void cancel() {
        if (result.isDone() || !cancelled.compareAndSet(false, true)) {
            return;
        }
        abort.run();
        if (Thread.holdsLock(listenerLock)) {
            return;
        }
        try {
            result.get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the result is reported all the same when the builder thread ends
        }
    }

    void onCancel(Runnable r) {
        this.abort = r;
    }

    void complete(BuildResult r) {
        result.complete(r);
    }
}
