package dev.stagecraft.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pools for blocking work the UI starts: {@link #executor()} for short work (file reads and
 * writes, engine checks, state), {@link #builds()} for builds, which hold a thread for minutes, so
 * that a running build never delays an open or a save. Daemon threads, so an open window never
 * keeps the JVM alive. Results come back through {@link UiThread}. Thread-safe.
 */
public final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ScheduledExecutorService POOL = create();
    private static final java.util.concurrent.ExecutorService BUILDS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stagecraft-build-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    public static ScheduledExecutorService executor() {
        return POOL;
    }

    /** Where builds run: a thread each, for as long as they take. */
    public static java.util.concurrent.Executor builds() {
        return BUILDS;
    }

    /**
     * Runs {@code work} on the short-work pool; the future completes there (continue on the FX
     * thread with {@code thenXxxAsync(..., UiThread.executor())}). Anything thrown, errors
     * included, completes it exceptionally: a failure always reaches the caller.
     */
    public static <T> java.util.concurrent.CompletableFuture<T> supply(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        POOL.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(3, r -> {
            Thread t = new Thread(r, "stagecraft-background-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
