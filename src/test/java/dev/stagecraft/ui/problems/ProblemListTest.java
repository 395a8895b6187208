package dev.stagecraft.ui.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Problems rows: parser diagnostics and findings in text order, each with its stage; notes last. */
class ProblemListTest {
    @Test
    void diagnosticsAndFindingsInTextOrderWithTheirStages() {
        String text = "FROM debian:bookworm AS build\nRUN apt-get install curl\nFROM build\nRUN <<EOF\necho\n";
        StageGraph g = StageGraph.parse(text);
        List<Problem> rows = ProblemList.of(g, Linter.lint(g, LintOptions.DEFAULT), g, List.of("a note"));
        List<String> shown = rows.stream().map(p -> p.severity().label() + " " + p.ruleLabel() + " " + p.stageName() + " "
                + p.line()).toList();
        assertEquals(List.of(
                "warning DL3008 build 2", "warning DL3014 build 2", "info STG003 build 2",
                "error parser #1 4",
                "warning settings null 0"), shown);
        Problem parser = rows.get(3);
        assertEquals(Problem.Kind.PARSER, parser.kind());
        assertEquals(1, parser.stage());
        assertEquals(Severity.ERROR, parser.severity());
        assertEquals("a note", rows.get(4).message());
    }

    @Test
    void equalTextsGiveEqualRows() {
        String text = "FROM debian:bookworm AS build\nRUN apt-get install curl\n";
        StageGraph a = StageGraph.parse(text);
        StageGraph b = StageGraph.parse(text);
        assertEquals(ProblemList.of(a, Linter.lint(a, LintOptions.DEFAULT), a, List.of()),
                ProblemList.of(b, Linter.lint(b, LintOptions.DEFAULT), b, List.of()));
    }
}
