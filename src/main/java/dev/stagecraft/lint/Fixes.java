package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The quick fixes: each builds the text edits for one finding against the linted text, or
 * returns null when the change would not be mechanical. {@link #ignoreHere} and {@link #fixAll}
 * serve every finding. Stateless.
 */
public final class Fixes {
    private Fixes() {
    }

    /** Inserts {@code text} (e.g. " -y") right after a shell argument of a shell-form RUN. */
    static Fix afterArg(String title, Instruction run, ShellScript.Arg arg, String text) {
        if (arg == null || arg.end() < 0) {
            return null;
        }
        int at = LintContext.sourceOffset(run, arg.end());
        return at < 0 ? null : Fix.of(title, TextEdit.insert(at, text));
    }

    /** Appends {@code text} at the end of a shell-form RUN without here-documents. */
    static Fix appendToRun(String title, Instruction run, String text) {
        if (run.execForm() || !run.heredocs().isEmpty() || run.argumentsRange() == null) {
            return null;
        }
        return Fix.of(title, TextEdit.insert(run.argumentsRange().end(), text));
    }

    /** {@code CMD node app.js} to {@code CMD ["node", "app.js"]} when no word needs a shell. */
    static Fix jsonForm(Instruction ins, String src) {
        if (ins.execForm() || ins.argumentsRange() == null || ins.words().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Word w : ins.words()) {
            String t = w.text();
            if (t.matches(".*[$`|&;<>(){}*?\\[\\]~#\\\\'\"].*") || t.contains("=") && parts.isEmpty()) {
                return null; // needs a shell: expansion, operators, globbing, quoting
            }
            parts.add('"' + t + '"');
        }
        return Fix.of("Use the JSON form", TextEdit.replace(ins.argumentsRange(), "[" + String.join(", ", parts) + "]"));
    }

    /** {@code MAINTAINER x} to {@code LABEL <key>="x"}. */
    static Fix maintainerToLabel(Instruction ins, String key) {
        if (ins.argumentsRange() == null) {
            return null;
        }
        String value = ins.arguments().replace("\\", "\\\\").replace("\"", "\\\"");
        return Fix.of("Replace MAINTAINER with LABEL " + key,
                new TextEdit(ins.keywordRange().start(), ins.argumentsRange().end(),
                        "LABEL " + key + "=\"" + value + "\""));
    }

    /** {@code ENV k v w} to {@code ENV k="v w"}. */
    static Fix keyValue(Instruction ins, String src) {
        List<Word> w = ins.words();
        if (w.size() < 2) {
            return null;
        }
        TextRange first = w.get(0).range();
        TextRange last = w.get(w.size() - 1).range();
        String value = src.substring(w.get(1).range().start(), last.end());
        if (value.contains("\n")) {
            return null;
        }
        String joined = w.size() == 2 ? w.get(1).text() : value;
        boolean simple = w.size() == 2 && !joined.contains(" ");
        String replacement = w.get(0).text() + "=" + (simple ? joined : '"' + joined.replace("\"", "\\\"") + '"');
        return Fix.of("Use " + ins.keyword() + " key=value",
                new TextEdit(first.start(), last.end(), replacement));
    }

    /** Inserts a line before an instruction, indented like it. */
    static Fix lineBefore(String title, Instruction ins, String src, String line) {
        int at = ins.range().start();
        int lineStart = src.lastIndexOf('\n', at - 1) + 1;
        String indent = src.substring(lineStart, at);
        if (!indent.isBlank()) {
            return null;
        }
        return Fix.of(title, TextEdit.insert(lineStart, indent + line + Text.newline(src)));
    }

    /**
     * Lower-cases a stage name and every reference written with that name ({@code FROM Name},
     * {@code --from=Name}, {@code from=Name}); references through an ARG are left alone. The
     * rename gesture treats a case-only change as no change, so the edits are made here.
     */
    static Fix lowercaseStage(StageGraph graph, int stage, String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        String src = graph.tree().source();
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.replace(graph.stages().get(stage).nameRange(), lower));
        for (var e : graph.edges()) {
            TextRange r = e.referenceRange();
            if (e.from() == stage && r != null && r.text(src).equalsIgnoreCase(written) && !r.text(src).equals(lower)) {
                edits.add(TextEdit.replace(r, lower));
            }
        }
        return new Fix("Rename stage to " + lower, edits);
    }

    /** "Ignore this rule here": a {@code # hadolint ignore=ID} line above the instruction. */
    public static Fix ignoreHere(Finding f, String src) {
        int at = f.instruction() != null ? f.instruction().start() : f.range().start();
        int lineStart = src.lastIndexOf('\n', at - 1) + 1;
        String indent = Text.indentAt(src, lineStart);
        return Fix.of("Ignore " + f.rule().id() + " here",
                TextEdit.insert(lineStart, indent + "# hadolint ignore=" + f.rule().id() + Text.newline(src)));
    }

    /**
     * Fix All for a rule: the fixes of every finding of that rule merged into one change, leaving
     * out a fix that would overlap one already taken. Null when none has a fix.
     */
    public static Fix fixAll(List<Finding> findings, String ruleId) {
        List<TextEdit> edits = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() == null || !f.rule().id().equals(ruleId)) {
                continue;
            }
            boolean clash = false;
            for (TextEdit e : f.fix().edits()) {
                for (TextEdit taken : edits) {
                    if (e.start() < taken.end() && taken.start() < e.end()
                            || e.start() == taken.start() && e.end() == taken.end()) {
                        clash = true;
                    }
                }
            }
            if (!clash) {
                edits.addAll(f.fix().edits());
            }
        }
        if (edits.isEmpty()) {
            return null;
        }
        edits.sort(Comparator.comparingInt(TextEdit::start));
        return new Fix("Fix all " + ruleId, edits.stream().filter(Objects::nonNull).toList());
    }
}
