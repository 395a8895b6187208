package dev.stagecraft.cli;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Linter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code stagecraft graph} reports about a file besides the graph: the parser's errors and
 * the findings of the lint rules that took over its warnings ({@link Linter#readingFindings}),
 * in text order. Pure; any thread.
 */
final class GraphProblems {
    /** One line of the report; {@code rule} is null for a parser error. */
    record Problem(String severity, String message, int line, int column, String rule) {
        /** As a compiler prints it: {@code line:column: severity: message (rule)}. */
        String text() {
            return line + ":" + column + ": " + severity + ": " + message + (rule == null ? "" : " (" + rule + ")");
        }
    }

    private GraphProblems() {
    }

    static List<Problem> of(StageGraph graph) {
        List<Problem> out = new ArrayList<>();
        for (Diagnostic d : graph.diagnostics()) {
            out.add(new Problem(d.severity().label(), d.message(), d.line(), d.column(), null));
        }
        for (Finding f : Linter.readingFindings(graph)) {
            out.add(new Problem(f.severity().label(), f.message(), f.line(), f.column(), f.rule().id()));
        }
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }
}
