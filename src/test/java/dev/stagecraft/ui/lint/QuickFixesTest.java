package dev.stagecraft.ui.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick-fix menu's entries, and what each does to the text (the text before and after). */
class QuickFixesTest {
    private static final String TEXT = "FROM debian:bookworm-slim\nRUN apt-get install curl\nRUN apt-get install git\n"
            + "CMD server --port 80\n";

    private static List<Finding> lint(String text) {
        return Linter.lint(StageGraph.parse(text), LintOptions.DEFAULT);
    }

    private static List<String> titles(List<FixChoice> choices) {
        return choices.stream().map(FixChoice::title).toList();
    }

    @Test
    void theMenuAtAFindingListsItsFixIgnoreFixAllAndHelp() {
        List<Finding> all = lint(TEXT);
        int caret = TEXT.indexOf("install curl");
        List<Finding> here = QuickFixes.at(all, caret, 2);
        assertEquals(List.of("DL3008", "DL3014", "STG003"), here.stream().map(f -> f.rule().id()).toList());
        List<String> titles = titles(QuickFixes.choices(here, all, TEXT));
        assertEquals(List.of("Ignore DL3008 here",
                "DL3014: Add -y", "Ignore DL3014 here", "Fix all DL3014 in file (2)",
                "STG003: Add --no-install-recommends", "Ignore STG003 here", "Fix all STG003 in file (2)",
                "Explain DL3008\u2026", "Explain DL3014\u2026", "Explain STG003\u2026"), titles);
    }

    @Test
    void eachChoiceChangesTheTextAsItSays() {
        List<Finding> all = lint(TEXT);
        List<FixChoice> choices = QuickFixes.choices(QuickFixes.at(all, TEXT.indexOf("curl"), 2), all, TEXT);
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get install -y curl\nRUN apt-get install git\nCMD server --port 80\n",
                choice(choices, "DL3014: Add -y").fix().applyTo(TEXT));
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get install -y curl\nRUN apt-get install -y git\n"
                + "CMD server --port 80\n", choice(choices, "Fix all DL3014 in file (2)").fix().applyTo(TEXT));
        assertEquals("FROM debian:bookworm-slim\n# hadolint ignore=DL3014\nRUN apt-get install curl\n"
                + "RUN apt-get install git\nCMD server --port 80\n", choice(choices, "Ignore DL3014 here").fix().applyTo(TEXT));
        assertNull(choice(choices, "Explain DL3014\u2026").fix());
    }

    @Test
    void ignoringASecondRuleJoinsThePragmaAlreadyAboveTheInstruction() {
        String text = "FROM debian:bookworm-slim\n  # hadolint ignore=DL3008  # pinned elsewhere\nRUN apt-get install curl\n";
        List<Finding> all = lint(text);
        assertTrue(all.stream().noneMatch(f -> f.rule().id().equals("DL3008")), all.toString());
        Finding dl3014 = all.stream().filter(f -> f.rule().id().equals("DL3014")).findFirst().orElseThrow();
        String after = QuickFixes.ignoreHere(dl3014, text).applyTo(text);
        assertEquals("FROM debian:bookworm-slim\n  # hadolint ignore=DL3008,DL3014  # pinned elsewhere\n"
                + "RUN apt-get install curl\n", after);
        assertTrue(lint(after).stream().noneMatch(f -> f.rule().id().equals("DL3008") || f.rule().id().equals("DL3014")),
                "both stay ignored: " + lint(after));
    }

    @Test
    void ignoreHereKeepsCrlfAndTheInstructionsIndent() {
        String text = "FROM debian:bookworm-slim\r\nONBUILD RUN true\r\n  RUN apt-get install curl\r\n";
        Finding f = lint(text).stream().filter(x -> x.rule().id().equals("DL3014")).findFirst().orElseThrow();
        assertEquals("FROM debian:bookworm-slim\r\nONBUILD RUN true\r\n  # hadolint ignore=DL3014\r\n"
                + "  RUN apt-get install curl\r\n", QuickFixes.ignoreHere(f, text).applyTo(text));
    }

    @Test
    void withNothingUnderTheCaretTheFindingsOfItsLineCount() {
        List<Finding> all = lint(TEXT);
        int endOfCmdLine = TEXT.indexOf("80\n") + 3; // the start of the next line: nothing covers it
        assertTrue(QuickFixes.at(all, endOfCmdLine + 50, 99).isEmpty());
        List<Finding> cmd = QuickFixes.at(all, TEXT.indexOf("CMD"), 4);
        assertEquals(List.of("JSONArgsRecommended"), cmd.stream().map(f -> f.rule().id()).toList());
    }

    private static FixChoice choice(List<FixChoice> choices, String title) {
        return choices.stream().filter(c -> c.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " not in " + titles(choices)));
    }
}
