package dev.stagecraft.ui.window;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A cold launch in a child JVM for {@link WarmUpTest}: starts the toolkit, runs the warm-up on its
 * own thread while the FX thread builds and shows the window (as {@link StagecraftApp} does), then
 * prints FAILURES n (what the warm-up could not build off the FX thread) and SHOWN stages=N (the
 * window's graph after the starter example opened). Not a test.
 */
public final class WarmUpChild {
    private WarmUpChild() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<List<Throwable>> warm = Boolean.getBoolean("warmUp.off")
                ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.supplyAsync(WarmUp::warm);
        WindowStores stores = WindowStores.at(Path.of(args[0]), Path.of(args[1]));
        CompletableFuture<Integer> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                MainWindow w = new MainWindow(new Stage(), stores, GraphPorts::create);
                w.show(null);
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                shown.complete(w.graph().nodeCount());
            } catch (RuntimeException | Error e) {
                shown.completeExceptionally(e);
            }
        });
        List<Throwable> failures = warm.get(60, TimeUnit.SECONDS);
        System.out.println("FAILURES " + failures.size());
        failures.forEach(f -> f.printStackTrace(System.out));
        System.out.println("SHOWN stages=" + shown.get(60, TimeUnit.SECONDS));
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }
}
