package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a stage up or down past its neighbour: the two blocks swap places, and index
 * references are renumbered so they still point to the same stages.
 */
public final class MoveStage {
    private MoveStage() {
    }

    public static EditPlan plan(StageGraph graph, int stage, int delta) {
        Snapshot snap = new Snapshot(graph);
        int count = snap.stageCount();
        if (delta != -1 && delta != 1) {
            return EditPlan.refused("a stage moves one place at a time");
        }
        int other = stage + delta;
        if (other < 0 || other >= count) {
            return EditPlan.refused(delta < 0 ? "the first stage can't move up" : "the last stage can't move down");
        }
        int first = Math.min(stage, other);
        int second = first + 1;
        int[] map = PlanCheck.identity(count);
        map[first] = second;
        map[second] = first;
        List<TextEdit> renumber = snap.renumber(map, List.of());
        int aStart = snap.blockStart(first);
        int bStart = snap.blockStart(second);
        int bEnd = snap.blockLimit(second);
        String a = snap.slice(aStart, bStart, renumber);
        String b = snap.slice(bStart, bEnd, renumber);
        String swapped;
        if (b.endsWith("\n")) {
            swapped = b + a;
        } else {
            // b ended the file without a newline: keep it that way after the swap
            String trimmed = a.endsWith(snap.eol) ? a.substring(0, a.length() - snap.eol.length()) : a;
            swapped = b + snap.eol + trimmed;
        }
        List<TextEdit> edits = new ArrayList<>(Snapshot.outside(renumber, aStart, bEnd));
        edits.add(new TextEdit(aStart, bEnd, swapped));
        String moved = snap.stage(stage).displayName();
        EditPlan plan = EditPlan.of("Move " + moved + (delta < 0 ? " up" : " down"), edits);
        return PlanCheck.verify(graph, plan, count, PlanCheck.carried(graph, map, List.of()),
                snap.stage(second).displayName() + " uses " + snap.stage(first).displayName()
                        + " as its base, so it must come after it");
    }
}
