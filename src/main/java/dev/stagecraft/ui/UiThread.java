package dev.stagecraft.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way work reaches the FX thread from background threads (docker-java callbacks, build
 * events, file watchers): {@code UiThread.executor().execute(...)}. Runs the task inline when
 * already on the FX thread, so ordering is kept. {@code Platform.runLater} appears nowhere else
 * in {@code ui}. Thread-safe.
 */
public final class UiThread implements Executor {
    private static final UiThread INSTANCE = new UiThread();

    private UiThread() {
    }

    public static Executor executor() {
        return INSTANCE;
    }

    /** Runs {@code task} on the FX thread: now if this is it, else as soon as it is free. */
    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    /** Queues {@code task} to run later on the FX thread, even from the FX thread itself. */
    public static void later(Runnable task) {
        Platform.runLater(task);
    }

    public static void checkFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("not on the FX thread: " + Thread.currentThread().getName());
        }
    }
}
