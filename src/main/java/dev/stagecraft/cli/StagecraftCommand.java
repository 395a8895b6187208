package dev.stagecraft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stagecraft} command and its subcommands. Runs on the calling thread. */
@Command(name = "stagecraft", mixinStandardHelpOptions = true, version = "stagecraft 0.1.0",
        description = "A workbench for multi-stage Dockerfiles.",
        subcommands = {GraphCommand.class, PrintCommand.class, LintCommand.class, BuildCommand.class, LayersCommand.class,
                DiffCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:--strict and the Dockerfile has errors",
                "2:bad input (a file that is not a Dockerfile, unknown options)"})
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
        return first.startsWith("-") || subcommandNames().contains(first);
    }

    /**
     * The subcommands' names: written out, as reading picocli's model of every command (170-250 ms)
     * or even its annotations (50 ms: they load each command's classes) would delay opening a file
     * in the window. HeadlessArgumentsTest keeps this equal to the names picocli answers to.
     */
    static java.util.Set<String> subcommandNames() {
        return java.util.Set.of("graph", "print", "lint", "build", "layers", "diff", "completion", "help");
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The configured command line: bad input prints one line (no usage dump, no stack trace). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StagecraftCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("stagecraft: " + ex.getMessage());
            if (!(ex.getCause() instanceof Exception) && ex.getMessage() != null
                    && (ex.getMessage().startsWith("Unknown") || ex.getMessage().startsWith("Missing")
                    || ex.getMessage().startsWith("Invalid"))) {
                c.getErr().println("Try 'stagecraft " + (c == cl ? "" : c.getCommandName() + " ") + "--help'.");
            }
            return 2;
        });
        return cl;
    }
}
