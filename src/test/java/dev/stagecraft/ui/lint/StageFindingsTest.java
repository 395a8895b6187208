package dev.stagecraft.ui.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each stage's findings badge says: the count, the worst severity, the tooltip line. */
class StageFindingsTest {
    @Test
    void countsPerStageWithTheWorstSeverity() {
        String text = "ARG X=1\nFROM debian:bookworm AS Build\nRUN make\nFROM debian:bookworm-slim\n"
                + "RUN apt-get install curl\nCMD server --port 80\n";
        StageGraph g = StageGraph.parse(text);
        List<StageFindings> s = StageFindings.of(g.stages().size(), Linter.lint(g, LintOptions.DEFAULT.withAllStages(true)));
        assertEquals(2, s.size());
        assertEquals(new StageFindings(2, Severity.WARNING, "2 findings: 1 warning, 1 info"), s.get(0),
                "StageNameCasing and STG016 on Build");
        assertEquals(Severity.WARNING, s.get(1).worst());
        assertEquals(4, s.get(1).count());
        assertEquals("4 findings: 3 warning, 1 info", s.get(1).tip());
        assertEquals("warning", s.get(1).worstLabel());
    }

    @Test
    void aStageWithoutFindingsHasNoBadge() {
        StageGraph g = StageGraph.parse("FROM scratch\nCOPY a /a\n");
        assertEquals(List.of(StageFindings.NONE), StageFindings.of(1, List.of()));
        assertEquals(0, StageFindings.of(1, Linter.lint(g, LintOptions.DEFAULT)).get(0).count());
    }
}
