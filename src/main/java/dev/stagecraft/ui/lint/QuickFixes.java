package dev.stagecraft.ui.lint;

import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Fix;
import dev.stagecraft.lint.Fixes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the quick-fix menu offers at a place in the text: for each finding there, its own fix (if
 * it has one), "Ignore RULE here" (a {@code # hadolint ignore=RULE} line above the instruction,
 * or the rule added to the one already there, which a second line would push away from its
 * instruction), "Fix all RULE in file" when the rule has fixes, and the rule's help. Every fix is
 * made against the text the findings were found in. Pure; any thread.
 */
public final class QuickFixes {
    private static final Pattern PRAGMA = Pattern.compile(
            "^([ \\t]*#[ \\t]*hadolint[ \\t]+ignore[ \\t]*=[ \\t]*[A-Za-z0-9]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9]+)*)([ \\t]*(?:#.*)?)$");

    private QuickFixes() {
    }

    /**
     * The findings at {@code offset}: those whose range covers it (or ends right at it), else
     * those whose range spans 1-based {@code line}.
     */
    public static List<Finding> at(List<Finding> findings, int offset, int line) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.range().start() <= offset && offset <= Math.max(f.range().end(), f.range().start() + 1)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            for (Finding f : findings) {
                if (onLine(f, line)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Whether a finding's range spans 1-based {@code line}. */
    public static boolean onLine(Finding f, int line) {
        return f.range().line() <= line && line <= Math.max(f.range().line(), f.range().endLine());
    }

    /** The menu for {@code here} (findings of {@code text}; {@code all} are every finding of it). */
    public static List<FixChoice> choices(List<Finding> here, List<Finding> all, String text) {
        List<FixChoice> out = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        Set<String> fixedAll = new LinkedHashSet<>();
        Set<String> explained = new LinkedHashSet<>();
        for (Finding f : here) {
            String id = f.rule().id();
            if (f.fix() != null) {
                out.add(new FixChoice(FixChoice.Kind.FIX, id + ": " + f.fix().title(), f, f.fix()));
            }
            if (ignored.add(id + "@" + anchorLine(f))) {
                out.add(new FixChoice(FixChoice.Kind.IGNORE, "Ignore " + id + " here", f, ignoreHere(f, text)));
            }
            if (fixedAll.add(id)) {
                long fixable = all.stream().filter(x -> x.fix() != null && x.rule().id().equals(id)).count();
                Fix every = fixable == 0 ? null : Fixes.fixAll(all, id);
                if (every != null) {
                    out.add(new FixChoice(FixChoice.Kind.FIX_ALL, "Fix all " + id + " in file (" + fixable + ")", f,
                            every));
                }
            }
        }
        for (Finding f : here) {
            if (explained.add(f.rule().id())) {
                out.add(new FixChoice(FixChoice.Kind.EXPLAIN, "Explain " + f.rule().id() + "\u2026", f, null));
            }
        }
        return out;
    }

    /**
     * "Ignore this rule here": adds the rule to a {@code # hadolint ignore=} line right above the
     * instruction when there is one (a pragma covers only the line after it), else puts one there.
     */
    public static Fix ignoreHere(Finding f, String text) {
        int at = f.instruction() != null ? f.instruction().start() : f.range().start();
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        if (lineStart > 0) {
            int prevEnd = lineStart - 1; // the '\n' ending the line above
            int contentEnd = prevEnd > 0 && text.charAt(prevEnd - 1) == '\r' ? prevEnd - 1 : prevEnd;
            int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
            Matcher m = PRAGMA.matcher(text.substring(prevStart, contentEnd));
            if (m.matches()) {
                return Fix.of("Ignore " + f.rule().id() + " here",
                        TextEdit.insert(prevStart + m.end(1), "," + f.rule().id()));
            }
        }
        return Fixes.ignoreHere(f, text);
    }

    private static int anchorLine(Finding f) {
        return f.instruction() != null ? f.instruction().line() : f.range().line();
    }
}
