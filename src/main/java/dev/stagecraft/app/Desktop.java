package dev.stagecraft.app;

import dev.stagecraft.ui.window.StagecraftApp;
import javafx.application.Application;

/**
 * Opens the main window: launches the JavaFX toolkit with {@link StagecraftApp} and blocks until
 * the last window closes. Called on the main thread by {@link Main}.
 */
final class Desktop {
    private Desktop() {
    }

    static void open(String[] files) {
        StagecraftApp.markStart(System.nanoTime());
        StagecraftApp.openStores();
        Preload.start();
        Application.launch(StagecraftApp.class, files);
        StagecraftApp.shutdown();
        System.exit(0);
    }
}
