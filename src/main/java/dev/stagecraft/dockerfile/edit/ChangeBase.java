package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import java.util.Optional;

/** Sets a stage's FROM to another image or to an earlier stage. */
public final class ChangeBase {
    private ChangeBase() {
    }

    public static EditPlan plan(StageGraph graph, int stage, String newBase) {
        Snapshot snap = new Snapshot(graph);
        if (!Snapshot.isPlainWord(newBase)) {
            return EditPlan.refused("a base is one image reference or stage name, without blanks");
        }
        String base = newBase.strip();
        Stage s = snap.stage(stage);
        if (s.baseRange() == null) {
            return EditPlan.refused("line " + s.line() + " has no base to change");
        }
        Optional<Stage> target = graph.find(base).filter(t -> !Snapshot.isIndex(base));
        if (target.isPresent() && target.get().index() >= stage) {
            return EditPlan.refused(target.get().index() == stage
                    ? "a stage can't build on itself"
                    : "a stage can only build on an earlier stage: " + target.get().displayName()
                    + " comes after " + s.displayName() + " (move it up first)");
        }
        EditPlan plan = EditPlan.of("Change base of " + s.displayName() + " to " + base,
                List.of(TextEdit.replace(s.baseRange(), base)));
        List<String> expected = new java.util.ArrayList<>(PlanCheck.carried(graph,
                PlanCheck.identity(snap.stageCount()),
                graph.edges().stream().filter(e -> e.to() == stage && e.kind()
                        == dev.stagecraft.dockerfile.model.EdgeKind.BASE).toList()));
        target.ifPresent(t -> expected.add(t.index() + "->" + stage + " base"));
        return PlanCheck.verify(graph, plan, snap.stageCount(), expected,
                "building " + s.displayName() + " on " + base + " would make a cycle");
    }
}
