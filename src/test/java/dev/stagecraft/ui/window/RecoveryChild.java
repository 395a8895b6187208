package dev.stagecraft.ui.window;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window in a child JVM for {@link RecoveryTest}: opens FILE with settings in CONFIG and state
 * in STATE, types a line into the editor as a user would, says TYPED on stdout, and waits to be
 * killed. Not a test.
 */
public final class RecoveryChild {
    private RecoveryChild() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Path state = Path.of(args[1]);
        Path file = Path.of(args[2]);
        String typed = args[3];
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        WindowStores stores = WindowStores.at(config, state);
        AtomicReference<MainWindow> window = new AtomicReference<>();
        Platform.runLater(() -> {
            MainWindow w = new MainWindow(new Stage(), stores, GraphPorts::create);
            w.show(file);
            window.set(w);
        });
        while (!opened(window, file)) {
            Thread.sleep(50);
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.get().editor().area().insertText(0, typed);
            done.countDown();
        });
        done.await();
        System.out.println("TYPED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static boolean opened(AtomicReference<MainWindow> window, Path file) throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        boolean[] yes = new boolean[1];
        Platform.runLater(() -> {
            MainWindow w = window.get();
            yes[0] = w != null && file.toAbsolutePath().equals(w.document().fileProperty().get());
            asked.countDown();
        });
        asked.await();
        return yes[0];
    }
}
