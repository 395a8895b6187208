package dev.stagecraft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stagecraft} command and its subcommands. Runs on the calling thread. */
@Command(name = "stagecraft", mixinStandardHelpOptions = true, version = "stagecraft 0.1.0",
        description = "A workbench for multi-stage Dockerfiles.",
        subcommands = {CommandLine.HelpCommand.class})
public final class StagecraftCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Whether these arguments name a command or an option (else they open the window). */
    public static boolean isHeadless(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.startsWith("-") || new CommandLine(new StagecraftCommand()).getSubcommands().containsKey(first);
    }

    public static int run(String[] args) {
        return new CommandLine(new StagecraftCommand()).execute(args);
    }
}
