package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.StageGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateTest {
    @ParameterizedTest
    @EnumSource(Template.class)
    void eachTemplateIsAMultiStageBuildWithoutDiagnostics(Template t) {
        StageGraph g = StageGraph.parse(t.text());
        assertEquals(java.util.List.of(), g.diagnostics(), t + " diagnostics");
        assertTrue(g.stages().size() >= 2, t + " has " + g.stages().size() + " stages");
        int last = g.stages().size() - 1;
        assertTrue(g.edgesInto(last).stream().anyMatch(e -> e.kind() == EdgeKind.COPY),
                t + ": the final stage copies from a builder");
    }
}
