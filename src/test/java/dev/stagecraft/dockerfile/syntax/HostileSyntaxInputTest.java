package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lines the parser used to overflow the stack on (recursion input can deepen) or to take
 * forever on (regex backtracking, a rescan per character). The timeouts only stop a hang; every
 * case takes milliseconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileSyntaxInputTest {

    @Test
    void aDirectiveLineOfBlanksIsReadOnce() {
        // BuildKit's pattern has a lazy group then \s*$: a regex backtracks over the blanks quadratically
        String text = "# syntax=a" + " ".repeat(1_000_000) + "b\nFROM scratch\n";
        Dockerfile tree = parse(text);
        assertEquals("a" + " ".repeat(1_000_000) + "b", tree.directive("syntax").orElseThrow().value());
    }

    @Test
    void directiveValuesAreTrimmedAsBuildKitsPattern() {
        assertEquals("docker/dockerfile:1", parse("#  syntax =  docker/dockerfile:1 \t\nFROM a\n")
                .directive("syntax").orElseThrow().value());
        assertEquals('`', parse("# escape=`\nFROM a\n").escape());
        assertEquals(" ", parse("# check= \t \nFROM a\n").directive("check").orElseThrow().value(),
                "the lazy group takes one blank, the last, when there are only blanks");
        assertTrue(parse("# syntax=\nFROM a\n").directives().isEmpty());
        assertTrue(parse("#1syntax=x\nFROM a\n").directives().isEmpty());
    }

    @Test
    void jsonNestedAMillionDeepFallsBackToShellForm() {
        Dockerfile tree = parse("FROM scratch\nCMD " + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "\n");
        Instruction cmd = tree.instructions().get(1);
        assertTrue(!cmd.execForm() && cmd.words().size() == 1, "shell form");
        assertTrue(tree.diagnostics().isEmpty(), "BuildKit reads it: lint's STG017 warns, not the parser");
        assertEquals(cmd.argumentsRange(), cmd.jsonFallbackRange());
    }

    @Test
    void jsonDepthLimitIsGosAsDocker2010Showed() {
        // 10,000 levels: valid JSON, not strings (an error); 10,001: invalid, so shell form (lint's STG017)
        List<Diagnostic> at = parse("FROM scratch\nCMD " + "[".repeat(10_000) + "\"x\"" + "]".repeat(10_000) + "\n")
                .diagnostics();
        assertEquals(List.of("CMD: the exec form must be a JSON array of strings"), messages(at));
        Dockerfile over = parse("FROM scratch\nCMD " + "[".repeat(10_001) + "\"x\"" + "]".repeat(10_001) + "\n");
        assertEquals(List.of(), messages(over.diagnostics()));
        assertTrue(over.instructions().get(1).jsonFallbackRange() != null, "shell form after a JSON attempt");
    }

    @Test
    void jsonIsGosStrictGrammar() {
        assertEquals(List.of("a", "b"), parse("CMD [\"a\", \"b\"]\n").instructions().get(0).execArgs());
        assertEquals(List.of("\u00e9/"), parse("CMD [\"\\u00e9\\/\"]\n").instructions().get(0).execArgs());
        for (String bad : List.of("[01]", "[1.]", "[\"\\u+123\"]", "[\"a\",]", "[\"a\" \"b\"]", "[{\"a\" 1}]", "[")) {
            assertTrue(!parse("CMD " + bad + "\n").instructions().get(0).execForm(), bad);
        }
        for (String notStrings : List.of("[1]", "[-0.5e+3]", "[{\"a\":[true,null]}]", "[[]]")) {
            assertEquals(List.of("CMD: the exec form must be a JSON array of strings"),
                    messages(parse("CMD " + notStrings + "\n").diagnostics()).subList(0, 1), notStrings);
        }
    }

    @Test
    void onbuildChainedThousandsOfTimesIsOneRefusal() {
        Dockerfile tree = parse("FROM scratch\n" + "ONBUILD ".repeat(200_000) + "RUN true\n");
        Instruction onbuild = tree.instructions().get(1);
        assertEquals("ONBUILD", onbuild.inner().keyword());
        assertTrue(messages(tree.diagnostics()).contains("ONBUILD isn't allowed as an ONBUILD trigger"));
    }

    @Test
    void aMillionUnclosedVariablesOnOneLine() {
        // highlighting looked for the '}' of each "${" from scratch: quadratic in the line
        String text = "FROM scratch\nRUN echo " + "${".repeat(1_000_000) + "\n";
        Dockerfile tree = parse(text);
        assertEquals(text, tree.print());
    }

    @Test
    void aHeredocDescriptorTooLargeIsADiagnosticNotACrash() {
        Dockerfile tree = parse("FROM scratch\nRUN 99999999999<<EOF\n");
        assertEquals(List.of("heredoc file descriptor 99999999999 is out of range"), messages(tree.diagnostics()));
        Dockerfile three = parse("FROM scratch\nRUN 3<<-\"EOF\" cat\n\tx\n\tEOF\n");
        Heredoc h = three.instructions().get(1).heredocs().get(0);
        assertEquals(List.of(3, true, true, "EOF", "x\n"), List.of(h.fileDescriptor(), h.chomp(), h.quoted(), h.name(), h.text()));
        String word = "1".repeat(3_000_000) + "<<" + "E".repeat(3_000_000);
        assertTrue(messages(parse("FROM scratch\nRUN " + word + "\n").diagnostics()).get(0).startsWith(
                "heredoc file descriptor 11111111111111111111\u2026 is out of range"));
    }

    @Test
    void anEmptyFileAndOneWithoutInstructionsAreErrorsAsInBuildKit() {
        assertEquals(List.of("the Dockerfile cannot be empty"), messages(parse("").diagnostics()));
        for (String text : List.of("# only a comment\n\n# and another\n", "   \n\n", "# syntax=docker/dockerfile:1\n",
                "\uFEFF")) {
            List<Diagnostic> d = parse(text).diagnostics();
            assertEquals(List.of("file with no instructions: add a FROM"), messages(d), text);
            assertEquals(Severity.ERROR, d.get(0).severity());
            assertEquals(1, d.get(0).line());
        }
    }

    private static Dockerfile parse(String text) {
        Dockerfile tree = DockerfileParser.parse(text);
        assertEquals(text, tree.print());
        CorpusRoundTripTest.assertTokensTile(tree);
        return tree;
    }

    private static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::message).toList();
    }
}
