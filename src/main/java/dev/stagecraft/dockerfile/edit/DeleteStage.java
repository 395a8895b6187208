package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a stage's block. Stages that use it are listed first; on request their references
 * go too: a {@code COPY --from} line is removed, a {@code --mount} flag is dropped, and a stage
 * built FROM it is rebased onto the deleted stage's own base. Index references are renumbered so
 * they still point to the same stages.
 */
public final class DeleteStage {
    private DeleteStage() {
    }

    /** The edges through which other stages use {@code stage}. */
    public static List<StageEdge> dependents(StageGraph graph, int stage) {
        return graph.edgesFrom(stage).stream().filter(e -> e.to() != stage).toList();
    }

    public static EditPlan plan(StageGraph graph, int stage, boolean alsoRemoveReferences) {
        Snapshot snap = new Snapshot(graph);
        Stage s = snap.stage(stage);
        List<StageEdge> dependents = dependents(graph, stage);
        if (!dependents.isEmpty() && !alsoRemoveReferences) {
            StringBuilder sb = new StringBuilder("stage " + s.displayName() + " is used by ");
            for (int i = 0; i < dependents.size(); i++) {
                StageEdge e = dependents.get(i);
                sb.append(i == 0 ? "" : ", ").append(snap.stage(e.to()).displayName()).append(" (line ")
                        .append(e.line()).append(')');
            }
            return EditPlan.refused(sb.toString());
        }
        int start = snap.blockStart(stage);
        int end = snap.blockLimit(stage);
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.delete(start, end));
        for (StageEdge e : dependents) {
            edits.addAll(removeReference(snap, s, e));
        }
        int[] map = new int[snap.stageCount()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i < stage ? i : i == stage ? -1 : i - 1;
        }
        edits.addAll(snap.renumber(map, dependents));
        List<TextEdit> inside = edits.stream().filter(t -> t.start() > start && t.end() <= end).toList();
        edits.removeAll(inside);
        EditPlan plan = EditPlan.of("Delete stage " + s.displayName(), dedupe(edits));
        List<String> expected = PlanCheck.carried(graph, map, dependents);
        for (StageEdge e : dependents) {
            if (e.kind() == EdgeKind.BASE && s.baseStage() != null && map[s.baseStage()] >= 0) {
                expected.add(map[s.baseStage()] + "->" + map[e.to()] + " base");
            }
        }
        return PlanCheck.verify(graph, plan, snap.stageCount() - 1, expected,
                "deleting " + s.displayName() + " would break the stages that use it");
    }

    private static List<TextEdit> removeReference(Snapshot snap, Stage deleted, StageEdge e) {
        Instruction ins = e.instruction();
        switch (e.kind()) {
            case BASE -> {
                String base = deleted.base().isEmpty() ? "scratch" : deleted.base();
                return List.of(TextEdit.replace(e.referenceRange(), base));
            }
            case COPY -> {
                int from = snap.lines.lineStart(ins.line());
                return List.of(TextEdit.delete(from, snap.lineAfter(ins.range().end())));
            }
            default -> {
                for (Flag f : ins.flags("mount")) {
                    if (f.range().start() <= e.referenceRange().start() && e.referenceRange().end() <= f.range().end()) {
                        int end = f.range().end();
                        while (end < snap.text.length() && (snap.text.charAt(end) == ' ' || snap.text.charAt(end) == '\t')) {
                            end++;
                        }
                        return List.of(TextEdit.delete(f.range().start(), end));
                    }
                }
                return List.of();
            }
        }
    }

    /** Drops edits that fall inside an earlier one (two mounts on one RUN, or a line already removed). */
    private static List<TextEdit> dedupe(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<TextEdit> out = new ArrayList<>();
        int covered = -1;
        for (TextEdit t : sorted) {
            if (t.start() < covered || (t.start() == covered && t.end() == t.start() && t.replacement().isEmpty())) {
                continue;
            }
            out.add(t);
            covered = Math.max(covered, t.end());
        }
        return out;
    }
}
