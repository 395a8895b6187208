package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** Which arguments run a command and which open the window, decided without building picocli's model. */
class HeadlessArgumentsTest {
    @Test
    void theNamesReadFromTheAnnotationsAreThoseTheCommandLineAnswersTo() {
        assertEquals(new CommandLine(new StagecraftCommand()).getSubcommands().keySet(), StagecraftCommand.subcommandNames());
    }

    @Test
    void commandsAndOptionsRunHeadlessAndAFileOpensTheWindow() {
        assertTrue(StagecraftCommand.isHeadless(new String[] {"graph", "Dockerfile"}));
        assertTrue(StagecraftCommand.isHeadless(new String[] {"help"}));
        assertTrue(StagecraftCommand.isHeadless(new String[] {"--version"}));
        assertFalse(StagecraftCommand.isHeadless(new String[] {"Dockerfile"}));
        assertFalse(StagecraftCommand.isHeadless(new String[] {"graphs"}));
        assertFalse(StagecraftCommand.isHeadless(new String[0]));
    }
}
