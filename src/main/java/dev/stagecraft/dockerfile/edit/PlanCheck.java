package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Re-parses the text a plan would make and checks the graph is the intended one: the old edges
 * carried over through an index map, plus or minus what the gesture adds or removes, and no new
 * errors. A plan that fails the check is refused, so a gesture never silently changes meaning.
 */
final class PlanCheck {
    private PlanCheck() {
    }

    static String edge(int from, int to, StageEdge e) {
        return from + "->" + to + " " + e.kind().label();
    }

    /** Old edges carried through {@code map}; edges touching a removed stage (-1) or in {@code drop} are left out. */
    static List<String> carried(StageGraph old, int[] map, List<StageEdge> drop) {
        List<String> out = new ArrayList<>();
        for (StageEdge e : old.edges()) {
            if (drop.contains(e) || map[e.from()] < 0 || map[e.to()] < 0) {
                continue;
            }
            out.add(edge(map[e.from()], map[e.to()], e));
        }
        return out;
    }

    /** The plan, or a refusal if the re-parsed graph differs from {@code expectedEdges} or gains errors. */
    static EditPlan verify(StageGraph old, EditPlan plan, int expectedStages, List<String> expectedEdges,
                           String whatWentWrong) {
        StageGraph next = StageGraph.of(DockerfileParser.parse(plan.applyTo(old.tree().source())), old.options());
        List<String> actual = new ArrayList<>();
        for (StageEdge e : next.edges()) {
            actual.add(edge(e.from(), e.to(), e));
        }
        List<String> want = new ArrayList<>(expectedEdges);
        Collections.sort(actual);
        Collections.sort(want);
        if (next.stages().size() != expectedStages || !actual.equals(want)) {
            return EditPlan.refused(whatWentWrong);
        }
        List<String> newErrors = errors(next);
        newErrors.removeAll(errors(old));
        if (!newErrors.isEmpty()) {
            return EditPlan.refused(whatWentWrong + ": " + newErrors.get(0));
        }
        return plan;
    }

    private static List<String> errors(StageGraph g) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : g.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                out.add(d.message());
            }
        }
        return out;
    }

    static int[] identity(int n) {
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = i;
        }
        return map;
    }
}
