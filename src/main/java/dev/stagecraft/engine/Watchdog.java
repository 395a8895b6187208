package dev.stagecraft.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action if a call is still going after its time limit; closing the watchdog (the call
 * ended) cancels it. One daemon thread serves every engine. Thread-safe.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> alarm;

    private Watchdog(ScheduledFuture<?> alarm) {
        this.alarm = alarm;
    }

    static Watchdog start(Duration limit, Runnable onExpiry) {
        return new Watchdog(TIMER.schedule(onExpiry, limit.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public void close() {
        alarm.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "engine-watchdog");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
