package dev.stagecraft.ui.problems;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the Problems rows of a text: its parser diagnostics and its lint findings, in text order
 * (a diagnostic before a finding on the same spot), then notes about the lint settings. Pure;
 * any thread.
 */
public final class ProblemList {
    private static final Comparator<Problem> TEXT_ORDER = Comparator.comparingInt((Problem p) -> p.line() == 0
            ? Integer.MAX_VALUE : p.line()).thenComparingInt(Problem::column).thenComparing(p -> p.kind().ordinal());

    private ProblemList() {
    }

    /**
     * The rows for {@code graph}'s diagnostics and {@code findings} (found in {@code findingsGraph},
     * whose stages name them), then one row per note.
     */
    public static List<Problem> of(StageGraph graph, List<Finding> findings, StageGraph findingsGraph, List<String> notes) {
        List<Problem> out = new ArrayList<>(graph.diagnostics().size() + findings.size() + notes.size());
        List<Diagnostic> diagnostics = graph.diagnostics();
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            Stage s = graph.stageAt(d.range().start()).orElse(null);
            out.add(new Problem(Problem.Kind.PARSER, d.severity() == dev.stagecraft.dockerfile.syntax.Severity.ERROR
                    ? Severity.ERROR : Severity.WARNING, null, s == null ? null : s.index(), stageName(s), d.line(),
                    d.column(), d.message(), i));
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            Stage s = f.stage() == null || findingsGraph == null || f.stage() >= findingsGraph.stages().size() ? null
                    : findingsGraph.stages().get(f.stage());
            out.add(new Problem(Problem.Kind.FINDING, f.severity(), f.rule().id(), f.stage(), stageName(s), f.line(),
                    f.column(), f.message(), i));
        }
        out.sort(TEXT_ORDER);
        for (int i = 0; i < notes.size(); i++) {
            out.add(new Problem(Problem.Kind.SETTINGS, Severity.WARNING, null, null, null, 0, 0, notes.get(i), i));
        }
        return out;
    }

    /** How the Stage column names a stage: its name, else {@code #index}. */
    static String stageName(Stage s) {
        return s == null ? null : s.name() != null ? s.name() : "#" + s.index();
    }
}
