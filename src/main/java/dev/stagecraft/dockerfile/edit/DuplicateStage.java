package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Copies a stage's block, under a new name, right after it; later index references shift by one. */
public final class DuplicateStage {
    private DuplicateStage() {
    }

    public static EditPlan plan(StageGraph graph, int stage, String newName) {
        Snapshot snap = new Snapshot(graph);
        String problem = snap.checkNewName(newName, -1);
        if (problem != null) {
            return EditPlan.refused(problem);
        }
        String name = newName.strip().toLowerCase(Locale.ROOT);
        Stage s = snap.stage(stage);
        int count = snap.stageCount();
        int[] map = new int[count];
        for (int i = 0; i < count; i++) {
            map[i] = i <= stage ? i : i + 1;
        }
        List<TextEdit> renumber = snap.renumber(map, List.of());
        int start = snap.blockStart(stage);
        int end = snap.blockEnd(stage);
        List<TextEdit> copyEdits = new ArrayList<>(renumber);
        if (s.nameRange() != null) {
            copyEdits.add(TextEdit.replace(s.nameRange(), name));
        } else {
            copyEdits.add(TextEdit.insert(s.baseRange().end(), " AS " + name));
        }
        String copy = snap.slice(start, end, copyEdits);
        if (!copy.endsWith("\n")) {
            copy = copy + snap.eol;
        }
        List<TextEdit> edits = new ArrayList<>(renumber);
        if (stage + 1 < count) {
            edits.add(TextEdit.insert(snap.blockStart(stage + 1), copy + snap.eol));
        } else {
            String lead = (snap.endsWithNewline() ? "" : snap.eol) + snap.eol;
            edits.add(TextEdit.insert(snap.text.length(), lead + copy));
        }
        EditPlan plan = EditPlan.of("Duplicate " + s.displayName() + " as " + name, edits);
        List<String> expected = PlanCheck.carried(graph, map, List.of());
        for (StageEdge e : graph.edgesInto(stage)) {
            expected.add(PlanCheck.edge(map[e.from()], stage + 1, e));
        }
        return PlanCheck.verify(graph, plan, count + 1, expected, "duplicating " + s.displayName()
                + " would change the other stages");
    }
}
