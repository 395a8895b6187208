package dev.stagecraft.ui.window;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window on the file given on the command line, or on
 * the starter example. What the window keeps outside the text (settings, state, recovery) is
 * opened in {@link #init} on the launcher thread, never on the FX thread, and flushed by
 * {@link #shutdown} after the toolkit has ended. Started by {@code dev.stagecraft.app.Desktop};
 * the launcher itself is not an {@code Application}.
 */
public final class StagecraftApp extends Application {
    /** Set by the launcher before {@code launch}: when the process started, for the launch timing. */
    static volatile long startNanos = System.nanoTime();
    private static final boolean TIMING = Boolean.getBoolean("stagecraft.timing");
    private static volatile WindowStores stores;
    /** The stores being opened while the toolkit starts ({@link #openStores}); null: open them in {@link #init}. */
    private static volatile java.util.concurrent.CompletableFuture<WindowStores> opening;

    /**
     * Starts opening the settings, state and recovery stores on a thread of their own, so that
     * reading them (and loading the JSON library, about 500 classes) overlaps the toolkit's start
     * instead of following it: {@link #init} waits for them. The launcher calls this first.
     */
    public static void openStores() {
        opening = java.util.concurrent.CompletableFuture.supplyAsync(WindowStores::standard, task -> {
            Thread t = new Thread(task, "stagecraft-stores");
            t.setDaemon(true);
            t.start();
        });
    }

    @Override
    public void init() {
        java.util.concurrent.CompletableFuture<WindowStores> pending = opening;
        try {
            stores = pending == null ? WindowStores.standard() : pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e; // as if opened here
        }
    }

    @Override
    public void start(Stage stage) {
        timed("FX start", "");
        List<String> args = getParameters().getUnnamed();
        Path file = args.isEmpty() ? null : Paths.get(args.get(0));
        Theme.of(stores.settings().theme).preset(); // before the window's first control
        MainWindow window = new MainWindow(stage, stores, GraphPorts::create);
        stage.setOnShown(e -> {
            if (TIMING) {
                timed("window shown", String.format(" (FX thread CPU %.0f ms)",
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6));
                // the first pulse after the show lays the window out at its real size, then it is painted
                Runnable[] first = new Runnable[1];
                first[0] = () -> {
                    stage.getScene().removePostLayoutPulseListener(first[0]);
                    timed("first frame laid out", "");
                };
                stage.getScene().addPostLayoutPulseListener(first[0]);
            }
        });
        timed("window built", "");
        window.show(file);
        // decoding seven PNGs takes ~80 ms of a cold start: the icons follow right after the window
        dev.stagecraft.ui.UiThread.later(() -> AppIcons.apply(stage));
    }

    /**
     * With {@code -Dstagecraft.timing=true}: when {@code event} happened, and {@code more}, on stderr
     * ("stagecraft: window shown at 1796283162189 (epoch ms), 1769 ms after main"; the benchmark
     * scripts read it).
     */
    private static void timed(String event, String more) {
        if (TIMING) {
            System.err.printf("stagecraft: %s at %d (epoch ms), %.0f ms after main%s%n", event, System.currentTimeMillis(),
                    (System.nanoTime() - startNanos) / 1e6, more);
        }
    }

    /** After the last window closed: writes what is pending and releases the recovery session. Blocking. */
    public static void shutdown() {
        WindowStores s = stores;
        if (s != null) {
            s.close();
        }
    }

    /** Records the process start so the launch time can be reported. */
    public static void markStart(long nanos) {
        startNanos = nanos;
    }
}
