package dev.stagecraft.app;

import dev.stagecraft.cli.StagecraftCommand;

/** Opens the window (the composer comes with its own issue; until then this prints usage). */
final class Desktop {
    private Desktop() {
    }

    static void open(String[] files) {
        System.exit(StagecraftCommand.run(new String[] {"--help"}));
    }
}
