package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The completion script names what a user can complete: the subcommands and their options. */
class CompletionCommandTest {

    /** The real root command, with completion added the way StagecraftCommand registers it. */
    private static CommandLine root() {
        CommandLine cl = StagecraftCommand.commandLine();
        if (!cl.getSubcommands().containsKey("completion")) {
            cl.addSubcommand("completion", new CompletionCommand());
        }
        return cl;
    }

    private static String completion() {
        CommandLine cl = root();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("completion"));
        return out.toString();
    }

    @Test
    void scriptRegistersAFunctionForStagecraft() {
        String script = completion();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
        assertTrue(script.contains("complete -F _complete_stagecraft"), "no complete -F line for stagecraft");
    }

    @Test
    void scriptOffersEverySubcommand() {
        String script = completion();
        for (String sub : root().getSubcommands().keySet()) {
            assertTrue(script.contains(sub), "completion script does not mention '" + sub + "'");
        }
        assertTrue(script.contains("graph") && script.contains("print") && script.contains("completion"));
    }

    @Test
    void scriptCompletesGraphOptionsAndFormats() {
        String script = completion();
        assertTrue(script.contains("--target"), "graph --target missing");
        assertTrue(script.contains("--build-arg"), "graph --build-arg missing");
        assertTrue(script.contains("(\"json\" \"dot\" \"mermaid\")"), "graph --format values missing");
    }

    /** Runs the script in a real bash, as the shell does on TAB, and returns COMPREPLY. */
    private static List<String> complete(String line) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash");
        Path script = Files.createTempFile("stagecraft-completion", ".bash");
        try {
            Files.writeString(script, completion());
            String driver = "source \"$1\" 2>/dev/null; read -r -a COMP_WORDS <<< \"$2\"; "
                    + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); "
                    + "COMP_LINE=\"$2\"; _complete_stagecraft 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
            Process p = new ProcessBuilder(bash.toString(), "-c", driver, "bash", script.toString(), line)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
            return Arrays.stream(out.split("\n")).map(String::strip).filter(w -> !w.isEmpty()).sorted().toList();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void tabAfterStagecraftOffersTheSubcommands() throws Exception {
        List<String> words = complete("stagecraft ");
        assertTrue(words.containsAll(List.of("completion", "graph", "print")), words.toString());
    }

    @Test
    void tabAfterFormatOffersTheFormats() throws Exception {
        assertEquals(List.of("dot", "json", "mermaid"), complete("stagecraft graph --format "));
        assertEquals(List.of("mermaid"), complete("stagecraft graph --format m"));
    }
}
