package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Token;
import java.util.ArrayList;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Styles the area from a parse and from underlines in two layers (the parser's diagnostics, the
 * lint findings), restyling only what differs from what it drew: tokens that differ from the last
 * parse it applied (same kinds and lengths at the start and at the end are skipped), the text
 * changed since, and each underline drawn or to draw that is not in both. Underlines drawn are
 * followed through edits as the area moves its styles, so findings that merely moved with the
 * text cost nothing. Restyling a 2,000-line file on every keystroke costs well under a
 * millisecond that way. FX thread only.
 */
final class IncrementalStyler {
    private final CodeArea area;
    private List<Token> applied;
    private Dockerfile appliedTree;
    /** The layers as drawn, in the area's current offsets (followed through edits), sorted. */
    private List<Underline> diagnostics = List.of();
    private List<Underline> findings = List.of();
    private int dirtyStart = Integer.MAX_VALUE;
    private int dirtyEnd = -1;

    IncrementalStyler(CodeArea area) {
        this.area = area;
        area.plainTextChanges().subscribe(this::changed);
    }

    private void changed(PlainTextChange c) {
        dirtyEnd = dirtyEnd >= c.getPosition() ? Math.max(c.getInsertionEnd(), dirtyEnd + c.getNetLength())
                : c.getInsertionEnd();
        dirtyStart = Math.min(dirtyStart, c.getPosition());
        diagnostics = Underline.shift(diagnostics, c);
        findings = Underline.shift(findings, c);
    }

    /** Forgets what was applied: the next {@link #apply} restyles everything. */
    void reset() {
        applied = null;
        appliedTree = null;
    }

    /** The finding underlines drawn now, in the area's offsets. */
    List<Underline> findings() {
        return findings;
    }

    /**
     * Styles the area (whose text is {@code tree}'s) with its tokens, {@code newDiagnostics} and
     * {@code newFindings}; null findings keep those drawn (a newer lint has not arrived yet).
     * Both lists sorted by {@link Underline#ORDER}.
     */
    void apply(Dockerfile tree, List<Underline> newDiagnostics, List<Underline> newFindings) {
        List<Token> tokens = tree.tokens();
        int length = tree.source().length();
        List<Underline> nextFindings = newFindings != null ? newFindings : clip(findings, length);
        List<Underline> all = merge(newDiagnostics, nextFindings);
        if (applied == null) {
            area.setStyleSpans(0, SyntaxStyles.computeAll(tree, all));
        } else {
            List<int[]> regions = new ArrayList<>();
            if (tree != appliedTree) {
                int start = Math.min(commonPrefix(applied, tokens), Math.min(dirtyStart, length));
                int end = Math.max(length - commonSuffix(applied, tokens), Math.min(dirtyEnd, length));
                if (end > start) {
                    regions.add(new int[] {start, end});
                }
            }
            difference(diagnostics, newDiagnostics, regions);
            difference(findings, nextFindings, regions);
            for (int[] r : merged(regions, length)) {
                area.setStyleSpans(r[0], SyntaxStyles.compute(tokens, all, r[0], r[1]));
            }
        }
        applied = tokens;
        appliedTree = tree;
        diagnostics = newDiagnostics;
        findings = nextFindings;
        dirtyStart = Integer.MAX_VALUE;
        dirtyEnd = -1;
    }

    /** Underlines that still lie in a text of {@code length} characters (a drawn one may end past a shorter text). */
    private static List<Underline> clip(List<Underline> drawn, int length) {
        if (maxEnd(drawn) <= length) {
            return drawn;
        }
        List<Underline> out = new ArrayList<>(drawn.size());
        for (Underline u : drawn) {
            if (u.start() < length) {
                out.add(u.end() <= length ? u : new Underline(u.start(), length, u.styleClass()));
            }
        }
        return out;
    }

    private static int maxEnd(List<Underline> list) {
        int m = 0;
        for (Underline u : list) {
            m = Math.max(m, u.end());
        }
        return m;
    }

    private static List<Underline> merge(List<Underline> a, List<Underline> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<Underline> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || i < a.size() && Underline.ORDER.compare(a.get(i), b.get(j)) <= 0) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    /** Adds the range of every underline in one sorted list but not the other. */
    private static void difference(List<Underline> was, List<Underline> now, List<int[]> regions) {
        int i = 0;
        int j = 0;
        while (i < was.size() || j < now.size()) {
            int c = i >= was.size() ? 1 : j >= now.size() ? -1 : Underline.ORDER.compare(was.get(i), now.get(j));
            if (c == 0) {
                i++;
                j++;
            } else if (c < 0) {
                Underline u = was.get(i++);
                regions.add(new int[] {u.start(), u.end()});
            } else {
                Underline u = now.get(j++);
                regions.add(new int[] {u.start(), u.end()});
            }
        }
    }

    /** The regions sorted, clipped to the text, overlapping or touching ones joined. */
    private static List<int[]> merged(List<int[]> regions, int length) {
        regions.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : regions) {
            int s = Math.max(0, r[0]);
            int e = Math.min(length, r[1]);
            if (e <= s) {
                continue;
            }
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s <= last[1]) {
                last[1] = Math.max(last[1], e);
            } else {
                out.add(new int[] {s, e});
            }
        }
        return out;
    }

    /** Characters covered by the leading tokens of the same kind and length in both. */
    private static int commonPrefix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 0; i < n; i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (x.kind() != y.kind() || x.range().length() != y.range().length()) {
                return chars;
            }
            chars += x.range().length();
        }
        return chars;
    }

    private static int commonSuffix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 1; i <= n; i++) {
            Token x = a.get(a.size() - i);
            Token y = b.get(b.size() - i);
            if (x.kind() != y.kind() || x.range().length() != y.range().length()) {
                return chars;
            }
            chars += x.range().length();
        }
        return chars;
    }
}
