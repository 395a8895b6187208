package dev.stagecraft.app;

import dev.stagecraft.cli.StagecraftCommand;
import dev.stagecraft.project.Logs;
import dev.stagecraft.project.StateDirectory;
import java.io.IOException;

/**
 * The entry point of the jar. A command ({@code graph}, {@code print}, ...) or an option runs
 * headless; no argument, or a file, opens the window. Not a JavaFX {@code Application} itself,
 * so the shaded jar starts without the JavaFX launcher checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            Logs.install(StateDirectory.standard());
        } catch (IOException e) {
            // logging is off (never to stderr, which is the user's); Logs.describe() says why
        }
        if (StagecraftCommand.isHeadless(args)) {
            System.exit(StagecraftCommand.run(args));
        }
        Desktop.open(args);
    }
}
