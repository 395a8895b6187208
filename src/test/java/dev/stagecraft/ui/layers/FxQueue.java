package dev.stagecraft.ui.layers;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the FX thread in view-model tests: tasks queue up and run on the test's own
 * thread while it waits for a condition, so the view models see one thread as they do in the
 * window. Not thread-safe beyond {@link #execute}.
 */
final class FxQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread owner = Thread.currentThread();

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            tasks.add(task);
        }
    }

    /** Runs queued tasks until {@code condition} holds; fails after 10 s. */
    void runUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            Runnable t = tasks.poll(20, TimeUnit.MILLISECONDS);
            if (t != null) {
                t.run();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
        }
    }

    /** Runs everything queued now. */
    void drain() {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            t.run();
        }
    }
}
