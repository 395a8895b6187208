package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Directive;
import dev.stagecraft.dockerfile.syntax.LineIndex;
import dev.stagecraft.dockerfile.syntax.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One text snapshot seen by an edit script: stage blocks (a stage's text with the comment lines
 * right above its FROM), the file's line ending, and the references to stages by name and index.
 */
final class Snapshot {
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

    final StageGraph graph;
    final String text;
    final LineIndex lines;
    final String eol;

    Snapshot(StageGraph graph) {
        this.graph = graph;
        this.text = graph.tree().source();
        this.lines = graph.tree().lines();
        int nl = text.indexOf('\n');
        this.eol = nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    Stage stage(int index) {
        return graph.stages().get(index);
    }

    int stageCount() {
        return graph.stages().size();
    }

    /** Start of a stage's block: its FROM line, or the comment lines directly above it. */
    int blockStart(int index) {
        Stage s = stage(index);
        int floor = index > 0 ? stage(index - 1).range().end() : 0;
        for (var ins : graph.tree().instructions()) {
            if (ins.range().end() <= s.range().start()) {
                floor = Math.max(floor, ins.range().end());
            }
        }
        for (Directive d : graph.tree().directives()) {
            floor = Math.max(floor, d.range().end());
        }
        int start = lines.lineStart(s.line());
        for (int line = s.line() - 1; line >= 1; line--) {
            int ls = lines.lineStart(line);
            String content = text.substring(ls, lines.lineEnd(line, text)).strip();
            if (ls < floor || !content.startsWith("#")) {
                break;
            }
            start = ls;
        }
        return start;
    }

    /** Just past the line break that ends the stage's last instruction (or the end of the text). */
    int blockEnd(int index) {
        return lineAfter(stage(index).range().end());
    }

    /** Where the block after this stage's begins: the next stage's block start, or the end. */
    int blockLimit(int index) {
        return index + 1 < stageCount() ? blockStart(index + 1) : text.length();
    }

    /** Offset of the start of the line after the one holding {@code offset}, or the text's end. */
    int lineAfter(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }

    boolean endsWithNewline() {
        return text.endsWith("\n");
    }

    /** A written reference, without quotes. */
    String written(TextRange range) {
        String raw = text.substring(range.start(), range.end());
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.endsWith(raw.substring(0, 1))) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    /** Edges whose reference is written as a literal stage index ({@code --from=0}). */
    List<StageEdge> indexReferences() {
        List<StageEdge> out = new ArrayList<>();
        for (StageEdge e : graph.edges()) {
            if (e.kind() != EdgeKind.BASE && e.referenceRange() != null && isIndex(written(e.referenceRange()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Edges from {@code stage} whose reference is written as its literal name (not an index or ARG). */
    List<StageEdge> nameReferences(int stage) {
        List<StageEdge> out = new ArrayList<>();
        Stage s = stage(stage);
        for (StageEdge e : graph.edgesFrom(stage)) {
            if (e.referenceRange() != null && s.name() != null
                    && written(e.referenceRange()).toLowerCase(Locale.ROOT).equals(s.name())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Edits renumbering index references by {@code map} (old index → new, -1 = leave alone). */
    List<TextEdit> renumber(int[] map, List<StageEdge> skip) {
        List<TextEdit> edits = new ArrayList<>();
        for (StageEdge e : indexReferences()) {
            if (skip.contains(e)) {
                continue;
            }
            int to = map[e.from()];
            if (to >= 0 && to != e.from()) {
                edits.add(TextEdit.replace(e.referenceRange(), Integer.toString(to)));
            }
        }
        return edits;
    }

    /** Null if {@code name} can be a new stage name here, else why not. */
    String checkNewName(String name, int exceptStage) {
        if (name == null || name.isBlank()) {
            return "a stage name can't be empty";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!STAGE_NAME.matcher(lower).matches()) {
            return "'" + name + "' is not a valid stage name: start with a letter, then use letters, digits, '-', '_' or '.'";
        }
        if (isIndex(lower)) {
            return "a stage name can't be a number";
        }
        for (Stage s : graph.stages()) {
            if (s.index() != exceptStage && lower.equals(s.name())) {
                return "there is already a stage named '" + lower + "' (line " + s.line() + ")";
            }
        }
        return null;
    }

    static boolean isIndex(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    static boolean isPlainWord(String s) {
        return s != null && !s.isBlank() && s.chars().noneMatch(Character::isWhitespace);
    }

    /** The text of {@code [start, end)} with those of {@code edits} that fall inside it applied. */
    String slice(int start, int end, List<TextEdit> edits) {
        List<TextEdit> inside = new ArrayList<>();
        for (TextEdit e : edits) {
            if (e.start() >= start && e.end() <= end) {
                inside.add(new TextEdit(e.start() - start, e.end() - start, e.replacement()));
            }
        }
        inside.sort(java.util.Comparator.comparingInt(TextEdit::start));
        return EditPlan.apply(text.substring(start, end), inside);
    }

    /** The edits that fall outside {@code [start, end)}. */
    static List<TextEdit> outside(List<TextEdit> edits, int start, int end) {
        return edits.stream().filter(e -> e.end() <= start || e.start() >= end).toList();
    }
}
