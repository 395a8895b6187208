package dev.stagecraft.ui.document;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintOptions;
import java.util.List;

/**
 * The findings of one lint run: the graph that was linted (its text is what the findings' ranges
 * and fixes refer to), the options it ran with, the findings in text order, how long it took, and
 * why it failed (null unless a check threw something the linter did not catch). Immutable; made
 * on the lint thread, read on the FX thread.
 */
public record LintResult(StageGraph graph, LintOptions options, List<Finding> findings, long nanos, String failure) {
    public LintResult {
        findings = List.copyOf(findings);
    }

    /** The linted text. */
    public String text() {
        return graph.tree().source();
    }
}
