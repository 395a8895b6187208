package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Adds {@code FROM <base> [AS <name>]} after a stage's block, or at the end. */
public final class AddStage {
    private AddStage() {
    }

    public static EditPlan plan(StageGraph graph, String name, String base, Integer afterStage) {
        Snapshot snap = new Snapshot(graph);
        if (!Snapshot.isPlainWord(base)) {
            return EditPlan.refused("a base is one image reference or stage name, without blanks");
        }
        String cleanBase = base.strip();
        String cleanName = name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
        if (cleanName != null) {
            String problem = snap.checkNewName(cleanName, -1);
            if (problem != null) {
                return EditPlan.refused(problem);
            }
        }
        int count = snap.stageCount();
        int after = afterStage == null || afterStage < 0 || afterStage >= count ? count - 1 : afterStage;
        int newIndex = after + 1;
        Optional<Stage> baseStage = graph.find(cleanBase).filter(t -> !Snapshot.isIndex(cleanBase));
        if (baseStage.isPresent() && baseStage.get().index() > after) {
            return EditPlan.refused("a stage can only build on an earlier stage: add it after "
                    + baseStage.get().displayName());
        }
        String from = "FROM " + cleanBase + (cleanName == null ? "" : " AS " + cleanName);
        List<TextEdit> edits = new ArrayList<>();
        if (count == 0 || after == count - 1) {
            String text = snap.text;
            String lead = text.isEmpty() ? "" : (snap.endsWithNewline() ? "" : snap.eol) + (count == 0 ? "" : snap.eol);
            edits.add(TextEdit.insert(text.length(), lead + from + snap.eol));
        } else {
            edits.add(TextEdit.insert(snap.blockEnd(after), snap.eol + from + snap.eol));
        }
        int[] map = new int[count];
        for (int i = 0; i < count; i++) {
            map[i] = i <= after ? i : i + 1;
        }
        edits.addAll(snap.renumber(map, List.of()));
        EditPlan plan = EditPlan.of("Add stage " + (cleanName == null ? "#" + newIndex : cleanName), edits);
        List<String> expected = PlanCheck.carried(graph, map, List.of());
        baseStage.ifPresent(b -> expected.add(b.index() + "->" + newIndex + " base"));
        return PlanCheck.verify(graph, plan, count + 1, expected, "adding this stage would change the others");
    }
}
