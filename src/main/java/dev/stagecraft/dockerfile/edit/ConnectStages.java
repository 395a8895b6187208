package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Connects stage A to stage B: inserts {@code COPY --from=A <src> <dst>} into B before its
 * trailing CMD/ENTRYPOINT/EXPOSE/USER block (at B's end if it has none). An unnamed A can be
 * named in the same change, else it is referred to by index.
 */
public final class ConnectStages {
    private static final Set<String> TRAILING = Set.of("CMD", "ENTRYPOINT", "EXPOSE", "USER");

    private ConnectStages() {
    }

    public static EditPlan plan(StageGraph graph, int from, int to, String sourcePath, String destination,
                                String nameForUnnamedSource) {
        Snapshot snap = new Snapshot(graph);
        if (from == to) {
            return EditPlan.refused("a stage can't copy from itself");
        }
        if (sourcePath == null || sourcePath.isBlank() || destination == null || destination.isBlank()) {
            return EditPlan.refused("say which path to copy and where it goes");
        }
        Stage source = snap.stage(from);
        List<TextEdit> edits = new ArrayList<>();
        String ref = source.reference();
        if (source.name() == null && nameForUnnamedSource != null && !nameForUnnamedSource.isBlank()) {
            String problem = snap.checkNewName(nameForUnnamedSource, from);
            if (problem != null) {
                return EditPlan.refused(problem);
            }
            edits.addAll(RenameStage.edits(snap, from, nameForUnnamedSource.toLowerCase(Locale.ROOT)));
            ref = nameForUnnamedSource.toLowerCase(Locale.ROOT);
        }
        String line = "COPY --from=" + ref + " " + paths(sourcePath.strip(), destination.strip());
        edits.add(insertion(snap, to, line));
        EditPlan plan = EditPlan.of("Copy " + sourcePath.strip() + " from " + source.displayName() + " into "
                + snap.stage(to).displayName(), edits);
        List<String> expected = PlanCheck.carried(graph, PlanCheck.identity(snap.stageCount()), List.of());
        expected.add(from + "->" + to + " copy");
        return PlanCheck.verify(graph, plan, snap.stageCount(), expected,
                "copying from " + source.displayName() + " into " + snap.stage(to).displayName()
                        + " would make a cycle: " + source.displayName() + " already depends on "
                        + snap.stage(to).displayName());
    }

    /** Shell form, or JSON form when a path has blanks in it. */
    private static String paths(String src, String dst) {
        if (Snapshot.isPlainWord(src) && Snapshot.isPlainWord(dst)) {
            return src + " " + dst;
        }
        return "[" + json(src) + ", " + json(dst) + "]";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Inserts a new instruction line into a stage, before its trailing runtime block. */
    static TextEdit insertion(Snapshot snap, int stage, String instructionLine) {
        List<Instruction> ins = snap.stage(stage).instructions();
        int k = ins.size();
        while (k > 1 && TRAILING.contains(ins.get(k - 1).keyword())) {
            k--;
        }
        if (k < ins.size()) {
            Instruction anchor = ins.get(k);
            int at = snap.lines.lineStart(anchor.line());
            String indent = snap.text.substring(at, anchor.range().start());
            return TextEdit.insert(at, indent + instructionLine + snap.eol);
        }
        Instruction last = ins.get(ins.size() - 1);
        int at = snap.lineAfter(last.range().end());
        if (at == snap.text.length() && !snap.endsWithNewline()) {
            return TextEdit.insert(at, snap.eol + instructionLine);
        }
        return TextEdit.insert(at, instructionLine + snap.eol);
    }
}
