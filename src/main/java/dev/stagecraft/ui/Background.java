package dev.stagecraft.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool for blocking work the UI starts (engine checks, builds): daemon threads, so an
 * open window never keeps the JVM alive. Results come back through {@link UiThread}. Thread-safe.
 */
public final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ScheduledExecutorService POOL = create();

    private Background() {
    }

    public static ScheduledExecutorService executor() {
        return POOL;
    }

    private static ScheduledExecutorService create() {
        // a build holds one thread for its whole run; the others serve engine checks meanwhile
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(3, r -> {
            Thread t = new Thread(r, "stagecraft-background-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
