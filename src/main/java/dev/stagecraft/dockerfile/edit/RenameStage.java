package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renames a stage: its {@code AS} name and every reference by name change together. */
public final class RenameStage {
    private RenameStage() {
    }

    public static EditPlan plan(StageGraph graph, int stage, String newName) {
        Snapshot snap = new Snapshot(graph);
        String problem = snap.checkNewName(newName, stage);
        if (problem != null) {
            return EditPlan.refused(problem);
        }
        String name = newName.toLowerCase(Locale.ROOT);
        Stage s = snap.stage(stage);
        if (name.equals(s.name())) {
            return EditPlan.of("Rename stage", List.of());
        }
        String capture = capturedReference(graph, stage, name);
        if (capture != null) {
            return EditPlan.refused(capture);
        }
        List<TextEdit> edits = new ArrayList<>(edits(snap, stage, newName));
        EditPlan plan = EditPlan.of("Rename " + s.displayName() + " to " + name, edits);
        return PlanCheck.verify(graph, plan, snap.stageCount(),
                PlanCheck.carried(graph, PlanCheck.identity(snap.stageCount()), List.of()),
                "renaming " + s.displayName() + " to " + name + " would change which stages use it");
    }

    /** The edits alone (used by other gestures that name a stage on the way). */
    static List<TextEdit> edits(Snapshot snap, int stage, String newName) {
        Stage s = snap.stage(stage);
        List<TextEdit> edits = new ArrayList<>();
        if (s.nameRange() != null) {
            edits.add(TextEdit.replace(s.nameRange(), newName));
        } else if (s.baseRange() != null) {
            edits.add(TextEdit.insert(s.baseRange().end(), " AS " + newName));
        }
        for (StageEdge e : snap.nameReferences(stage)) {
            edits.add(TextEdit.replace(e.referenceRange(), newName));
        }
        return edits;
    }

    /** A reference that now means an image (or another stage) and would come to mean this stage. */
    private static String capturedReference(StageGraph graph, int stage, String name) {
        for (ExternalImage x : graph.external()) {
            if (x.image().toLowerCase(Locale.ROOT).equals(name)) {
                return "line " + x.line() + " uses the image '" + x.image() + "': a stage named '" + name
                        + "' would take its place";
            }
        }
        for (Stage later : graph.stages()) {
            if (later.index() > stage && later.baseStage() == null
                    && later.baseResolved().toLowerCase(Locale.ROOT).equals(name)) {
                return "line " + later.line() + " builds FROM the image '" + later.base() + "': a stage named '"
                        + name + "' would take its place";
            }
        }
        return null;
    }
}
