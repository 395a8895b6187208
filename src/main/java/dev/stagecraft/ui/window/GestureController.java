package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.edit.AddStage;
import dev.stagecraft.dockerfile.edit.ChangeBase;
import dev.stagecraft.dockerfile.edit.ConnectStages;
import dev.stagecraft.dockerfile.edit.DeleteStage;
import dev.stagecraft.dockerfile.edit.DuplicateStage;
import dev.stagecraft.dockerfile.edit.EditPlan;
import dev.stagecraft.dockerfile.edit.MoveStage;
import dev.stagecraft.dockerfile.edit.RenameStage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.editor.EditorEdits;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns graph gestures into text: shows the dialog a gesture needs, asks the edit script for a
 * plan against a snapshot graph of the current text, and applies it to the editor as one undo
 * step, or shows why it was refused and leaves the text alone. FX thread only.
 */
public final class GestureController implements StageGestures {
    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private final Supplier<StageDialogs> dialogs;

    public GestureController(DocumentViewModel document, DockerfileEditor editor, Supplier<StageDialogs> dialogs) {
        this.document = document;
        this.editor = editor;
        this.dialogs = dialogs;
    }

    @Override
    public void addStage(Integer after) {
        StageGraph g = document.currentGraph().stages().isEmpty() ? document.currentGraph() : snapshot("Add stage");
        if (g != null) {
            dialogs.get().addStage(g).ifPresent(s -> apply("Add stage", AddStage.plan(g, s.name(), s.base(), after)));
        }
    }

    @Override
    public void rename(int stage) {
        StageGraph g = snapshot("Rename stage");
        Stage s = stage(g, stage);
        if (s == null) {
            return;
        }
        dialogs.get().name("Rename stage", "New name of " + s.displayName() + " (references follow).", s.name())
                .ifPresent(name -> {
                    if (apply("Rename stage", RenameStage.plan(g, stage, name))) {
                        document.stageRenamed(s.reference(), name);
                    }
                });
    }

    @Override
    public void delete(int stage) {
        StageGraph g = snapshot("Delete stage");
        Stage s = stage(g, stage);
        if (s == null) {
            return;
        }
        List<StageEdge> dependents = DeleteStage.dependents(g, stage);
        if (!dependents.isEmpty() && !dialogs.get().confirmDelete(g, s, dependents)) {
            return;
        }
        apply("Delete stage", DeleteStage.plan(g, stage, !dependents.isEmpty()));
    }

    @Override
    public void connect(int from, int to) {
        StageGraph g = snapshot("Connect stages");
        Stage a = stage(g, from);
        Stage b = stage(g, to);
        if (a == null || b == null) {
            return;
        }
        dialogs.get().connect(a, b).ifPresent(p -> apply("Connect stages",
                ConnectStages.plan(g, from, to, p.source(), p.destination(), p.sourceName())));
    }

    @Override
    public void changeBase(int stage) {
        StageGraph g = snapshot("Change base");
        Stage s = stage(g, stage);
        if (s != null) {
            dialogs.get().base(g, s).ifPresent(base -> apply("Change base", ChangeBase.plan(g, stage, base)));
        }
    }

    @Override
    public void setTarget(int stage) {
        StageGraph g = document.currentGraph();
        Stage s = stage(g, stage);
        if (s != null) {
            document.setTarget(s);
        }
    }

    @Override
    public void duplicate(int stage) {
        StageGraph g = snapshot("Duplicate stage");
        Stage s = stage(g, stage);
        if (s != null) {
            String suggestion = (s.name() != null ? s.name() : "stage" + s.index()) + "-copy";
            dialogs.get().name("Duplicate stage", "Name of the copy of " + s.displayName() + ".", suggestion)
                    .ifPresent(name -> apply("Duplicate stage", DuplicateStage.plan(g, stage, name)));
        }
    }

    @Override
    public void move(int stage, int delta) {
        StageGraph g = snapshot("Move stage");
        if (stage(g, stage) != null) {
            apply("Move stage", MoveStage.plan(g, stage, delta));
        }
    }

    @Override
    public void open(int stage) {
        Stage s = stage(document.currentGraph(), stage);
        if (s != null) {
            editor.goToLine(s.line());
            editor.area().requestFocus();
        }
    }

    /** The graph of the current text, or null (after telling the user) while it has errors. */
    private StageGraph snapshot(String what) {
        StageGraph g = document.currentGraph();
        if (g.hasErrors()) {
            dialogs.get().refused(what, "Fix the problems in the text first: the graph shows the last "
                    + "version without errors, and edits need the current one.");
            return null;
        }
        return g;
    }

    private static Stage stage(StageGraph g, int index) {
        return g != null && index >= 0 && index < g.stages().size() ? g.stages().get(index) : null;
    }

    private boolean apply(String what, EditPlan plan) {
        if (plan.refused()) {
            dialogs.get().refused(what, plan.refusal());
            return false;
        }
        EditorEdits.apply(editor.area(), plan.edits());
        return true;
    }
}
