package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.lint.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * One underline in the editor: {@code [start, end)} of the text (at least one character) and its
 * CSS class, which says what and how bad: {@code diagnostic-error} and {@code diagnostic-warning}
 * for what stops or troubles the parser, {@code finding-error}, {@code finding-warning},
 * {@code finding-info} and {@code finding-style} for lint findings by severity. Where underlines
 * overlap, the worse one is drawn ({@link #rank}). Immutable.
 */
public record Underline(int start, int end, String styleClass) {
    /** By start, then end, then CSS class. */
    static final Comparator<Underline> ORDER = Underline::compare;
    private static final List<String> RANKED = List.of("diagnostic-error", "finding-error", "diagnostic-warning",
            "finding-warning", "finding-info", "finding-style");

    public Underline {
        if (end <= start) {
            end = start + 1; // a zero-width problem (at the end of a line) still gets a mark
        }
    }

    public static Underline of(Diagnostic d) {
        return new Underline(d.range().start(), d.range().end(),
                d.severity() == dev.stagecraft.dockerfile.syntax.Severity.ERROR ? "diagnostic-error" : "diagnostic-warning");
    }

    public static Underline of(Finding f) {
        return new Underline(f.range().start(), f.range().end(), "finding-" + f.severity().label());
    }

    private static int compare(Underline a, Underline b) {
        if (a.start != b.start) {
            return a.start < b.start ? -1 : 1;
        }
        if (a.end != b.end) {
            return a.end < b.end ? -1 : 1;
        }
        return a.styleClass.compareTo(b.styleClass);
    }

    /** Lower is worse: parser errors, then error findings, parser warnings, warnings, info, style. */
    int rank() {
        int r = RANKED.indexOf(styleClass);
        return r < 0 ? RANKED.size() : r;
    }

    static List<Underline> ofDiagnostics(List<Diagnostic> diagnostics) {
        List<Underline> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.add(of(d));
        }
        out.sort(ORDER);
        return out;
    }

    static List<Underline> ofFindings(List<Finding> findings) {
        List<Underline> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(of(f));
        }
        out.sort(ORDER);
        return out;
    }

    /** {@link #shift(List, List)} through one change. */
    static List<Underline> shift(List<Underline> drawn, PlainTextChange c) {
        return shift(drawn, List.of(c));
    }

    /**
     * Where underlines drawn before {@code changes} (oldest first) are after them, as the area moves
     * its styles, in one pass: through each change, an underline before it stays, one after it
     * shifts, one the change cut into keeps what is left, one it removed entirely goes. The result
     * stays sorted; it is {@code drawn} itself when no underline moved.
     */
    static List<Underline> shift(List<Underline> drawn, List<PlainTextChange> changes) {
        int n = changes.size();
        int[] at = new int[n];
        int[] removedEnd = new int[n];
        int[] net = new int[n];
        int[] insertedEnd = new int[n];
        for (int k = 0; k < n; k++) {
            PlainTextChange c = changes.get(k);
            at[k] = c.getPosition();
            removedEnd[k] = at[k] + c.getRemoved().length();
            net[k] = c.getNetLength();
            insertedEnd[k] = at[k] + c.getInserted().length();
        }
        List<Underline> out = new ArrayList<>(drawn.size());
        boolean anyMoved = false;
        for (Underline u : drawn) {
            int s = u.start;
            int e = u.end;
            boolean moved = false;
            for (int k = 0; k < n && e > s; k++) {
                if (e < at[k]) {
                    continue;
                }
                int s2 = s < at[k] ? s : s >= removedEnd[k] ? s + net[k] : insertedEnd[k];
                e = e >= removedEnd[k] ? e + net[k] : at[k];
                s = s2;
                moved = true;
            }
            anyMoved |= moved;
            if (!moved) {
                out.add(u);
            } else if (e > s) {
                out.add(new Underline(s, e, u.styleClass));
            }
        }
        if (!anyMoved) {
            return drawn;
        }
        sortNearlySorted(out);
        return out;
    }

    /**
     * Sorts {@code list} by {@link #ORDER} in place, in time linear in its size plus the pairs out
     * of order. Shifting keeps the order of everything but the underlines the change cut into
     * (the mapping of starts and ends is monotonic; only ties it makes can be out of order), so
     * following edits through 40,000 findings costs a pass over them, not a sort; a list far out of
     * order is sorted the usual way.
     */
    static void sortNearlySorted(List<Underline> list) {
        long budget = list.size() + 4096L; // more out of order than that: a real sort
        for (int i = 1; i < list.size(); i++) {
            Underline u = list.get(i);
            if (compare(list.get(i - 1), u) <= 0) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && compare(list.get(j), u) > 0) {
                list.set(j + 1, list.get(j));
                j--;
                if (--budget < 0) {
                    list.set(j + 1, u);
                    list.sort(ORDER);
                    return;
                }
            }
            list.set(j + 1, u);
        }
    }
}
