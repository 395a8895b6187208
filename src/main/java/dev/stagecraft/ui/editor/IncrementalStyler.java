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
 * parse it applied (a keystroke's parse says which part it read anew, {@link Dockerfile#rereadSince};
 * otherwise same kinds and lengths at the start and at the end are skipped), the text
 * changed since, and each underline drawn or to draw that is not in both. Underlines drawn are
 * followed through edits as the area moves its styles, so findings that merely moved with the
 * text cost nothing. Restyling a 2,000-line file on every keystroke costs well under a
 * millisecond that way. FX thread only.
 */
final class IncrementalStyler {
    /** Above this many separate regions to restyle, one pass over their whole span is cheaper. */
    static final int MAX_REGIONS = 64;
    /** How long one batch of a big restyle may take before the rest waits for the next event. */
    private static final long BATCH_NANOS = 8_000_000L;
    /** A text longer than this is styled around the view first and the rest a batch per event. */
    static final int FIRST_VIEW = 256 * 1024;
    /** How much unstyled text one batch styles. */
    private static final int CHUNK = 64 * 1024;

    private final CodeArea area;
    private Dockerfile appliedTree;
    /**
     * The layers as drawn, sorted, in the area's offsets before {@link #pending} (followed through
     * edits when next read: a keystroke in a 5 MB text with 40,000 findings does not move them all).
     */
    private List<Underline> diagnostics = List.of();
    private List<Underline> findings = List.of();
    /** Edits since the layers were last followed through, oldest first. */
    private final List<PlainTextChange> pending = new ArrayList<>();
    /** Above this many edits not yet followed, the layers follow them at once (a bound on memory). */
    private static final int MAX_PENDING = 256;
    private int dirtyStart = Integer.MAX_VALUE;
    private int dirtyEnd = -1;
    /** Text not syntax-styled yet (a big text's first styling goes a batch per event): sorted, disjoint, in the area's offsets. */
    private List<int[]> unstyled = new ArrayList<>();

    IncrementalStyler(CodeArea area) {
        this.area = area;
        area.plainTextChanges().subscribe(this::changed);
    }

    private void changed(PlainTextChange c) {
        dirtyEnd = dirtyEnd >= c.getPosition() ? Math.max(c.getInsertionEnd(), dirtyEnd + c.getNetLength())
                : c.getInsertionEnd();
        dirtyStart = Math.min(dirtyStart, c.getPosition());
        pending.add(c);
        if (pending.size() > MAX_PENDING) {
            follow();
        }
        if (!unstyled.isEmpty()) {
            unstyled = Regions.shift(unstyled, c);
        }
    }


    /** Moves the drawn layers through the edits made since they were last moved, as the area moved its styles. */
    private void follow() {
        if (!pending.isEmpty()) {
            diagnostics = Underline.shift(diagnostics, pending);
            findings = Underline.shift(findings, pending);
            pending.clear();
        }
    }

    /** Forgets what was applied: the next {@link #apply} restyles everything. */
    void reset() {
        appliedTree = null;
        unstyled = new ArrayList<>();
    }

    /** Whether part of the text still waits for its syntax styles (a big text's first styling). */
    boolean styling() {
        return !unstyled.isEmpty();
    }

    /** The finding underlines drawn now, in the area's offsets. */
    List<Underline> findings() {
        follow();
        return findings;
    }

    /**
     * Styles the area (whose text is {@code tree}'s) with its tokens, {@code newDiagnostics} and
     * {@code newFindings}; null findings keep those drawn (a newer lint has not arrived yet).
     * Both lists sorted by {@link Underline#ORDER}. Returns true when only a batch of the
     * changed underlines was drawn: call again (with the same lists, or newer ones) for the rest.
     */
    boolean apply(Dockerfile tree, List<Underline> newDiagnostics, List<Underline> newFindings) {
        int length = tree.source().length();
        follow();
        List<Underline> nextFindings = newFindings != null ? newFindings : clip(findings, length);
        List<Underline> all = merge(newDiagnostics, nextFindings);
        List<Underline> drawnDiagnostics = newDiagnostics;
        List<Underline> drawnFindings = nextFindings;
        boolean more = false;
        if (appliedTree == null && length > FIRST_VIEW) {
            // a big text (a 5 MB file): what the view shows first, the rest a batch per event
            int view = Math.min(length, Math.max(0, viewStart()));
            int from = Math.max(0, view - CHUNK);
            int to = Math.min(length, view + 2 * CHUNK);
            area.setStyleSpans(from, SyntaxStyles.compute(tree.tokens(from, to), all, from, to));
            unstyled = new ArrayList<>();
            if (from > 0) {
                unstyled.add(new int[] {0, from});
            }
            if (to < length) {
                unstyled.add(new int[] {to, length});
            }
            more = !unstyled.isEmpty();
        } else if (appliedTree == null) {
            unstyled = new ArrayList<>();
            area.setStyleSpans(0, SyntaxStyles.computeAll(tree, all));
        } else {
            int[] tokenRegion = null; // the edited text: restyled now, whatever else waits
            if (tree != appliedTree) {
                // a keystroke's parse says what it read anew; anything else is compared token by token
                int[] reread = tree.rereadSince(appliedTree);
                int same = reread != null ? reread[0] : commonPrefix(appliedTree.tokens(), tree.tokens());
                int sameAfter = reread != null ? reread[1] : length - commonSuffix(appliedTree.tokens(), tree.tokens());
                int start = Math.min(same, Math.min(dirtyStart, length));
                int end = Math.max(sameAfter, Math.min(dirtyEnd, length));
                if (end > start) {
                    tokenRegion = new int[] {start, end};
                }
            }
            List<int[]> regions = new ArrayList<>();
            difference(diagnostics, newDiagnostics, regions);
            difference(findings, nextFindings, regions);
            if (tokenRegion != null) {
                area.setStyleSpans(tokenRegion[0], SyntaxStyles.compute(tree.tokens(tokenRegion[0], tokenRegion[1]), all,
                        tokenRegion[0], tokenRegion[1]));
            }
            List<int[]> restyle = Regions.merged(regions, length);
            if (restyle.size() > MAX_REGIONS && length > FIRST_VIEW) {
                // thousands of underlines in a big text (a 5 MB file's first lint): regions near each
                // other are restyled as one span of up to CHUNK characters, one model change each, not
                // one per underline (each change costs about a millisecond in a 100,000-line text)
                restyle = Regions.coalesced(restyle, CHUNK);
            }
            if (restyle.size() > MAX_REGIONS) {
                // each call is a model change of the area's own (a millisecond or more in a 100,000-line
                // text): thousands of underlines changing at once (a big file's first lint) are drawn
                // a batch per event (at most MAX_REGIONS, about BATCH_NANOS), from the top of the view on
                List<int[]> done = new ArrayList<>();
                long start = System.nanoTime();
                for (int[] r : Regions.batch(restyle, viewStart())) {
                    area.setStyleSpans(r[0], SyntaxStyles.compute(tree.tokens(r[0], r[1]), all, r[0], r[1]));
                    done.add(r);
                    if (System.nanoTime() - start > BATCH_NANOS) {
                        break;
                    }
                }
                done.sort((x, y) -> Integer.compare(x[0], y[0]));
                drawnDiagnostics = drawn(diagnostics, newDiagnostics, done);
                drawnFindings = drawn(findings, nextFindings, done);
                more = true;
            } else {
                for (int[] r : restyle) {
                    area.setStyleSpans(r[0], SyntaxStyles.compute(tree.tokens(r[0], r[1]), all, r[0], r[1]));
                }
            }
        }
        if (!more && !unstyled.isEmpty()) {
            more = styleSome(tree, all, length);
        }
        appliedTree = tree;
        diagnostics = drawnDiagnostics;
        findings = drawnFindings;
        dirtyStart = Integer.MAX_VALUE;
        dirtyEnd = -1;
        return more;
    }

    /**
     * Styles unstyled text for about {@link #BATCH_NANOS}, a chunk at a time from the one nearest
     * the view on; returns whether some is left for the next event.
     */
    private boolean styleSome(Dockerfile tree, List<Underline> all, int length) {
        unstyled = Regions.merged(unstyled, length);
        long start = System.nanoTime();
        int view = Math.min(length, Math.max(0, viewStart()));
        while (!unstyled.isEmpty() && System.nanoTime() - start < BATCH_NANOS) {
            int nearest = 0;
            for (int i = 1; i < unstyled.size(); i++) {
                if (Regions.distance(unstyled.get(i), view) < Regions.distance(unstyled.get(nearest), view)) {
                    nearest = i;
                }
            }
            int[] r = unstyled.get(nearest);
            int from;
            int to;
            if (r[1] <= view) { // above the view: the chunk nearest it, upwards
                to = r[1];
                from = Math.max(r[0], to - CHUNK);
            } else {
                from = Math.max(r[0], view); // the view is before or inside this region
                to = Math.min(r[1], from + CHUNK);
            }
            area.setStyleSpans(from, SyntaxStyles.compute(tree.tokens(from, to), all, from, to));
            unstyled.remove(nearest);
            if (r[0] < from) {
                unstyled.add(nearest, new int[] {r[0], from});
                nearest++;
            }
            if (to < r[1]) {
                unstyled.add(nearest, new int[] {to, r[1]});
            }
        }
        return !unstyled.isEmpty();
    }




    /** Where the view's first paragraph starts (the caret when the area has not been laid out). */
    private int viewStart() {
        try {
            return area.getAbsolutePosition(area.firstVisibleParToAllParIndex(), 0);
        } catch (RuntimeException notShown) {
            return area.getCaretPosition();
        }
    }

    /**
     * The underlines on screen after restyling only {@code done} (sorted, disjoint) of the regions
     * where {@code was} and {@code now} differ: those of both, those only drawn before that lie
     * outside it, those only wanted now that lie inside it. Each differing underline lies wholly
     * in one region, as the regions were made from their ranges.
     */
    private static List<Underline> drawn(List<Underline> was, List<Underline> now, List<int[]> done) {
        List<Underline> out = new ArrayList<>(Math.max(was.size(), now.size()));
        int i = 0;
        int j = 0;
        while (i < was.size() || j < now.size()) {
            int c = i >= was.size() ? 1 : j >= now.size() ? -1 : Underline.ORDER.compare(was.get(i), now.get(j));
            if (c == 0) {
                out.add(was.get(i++));
                j++;
            } else if (c < 0) {
                Underline u = was.get(i++);
                if (!inside(done, u)) {
                    out.add(u);
                }
            } else {
                Underline u = now.get(j++);
                if (inside(done, u)) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    private static boolean inside(List<int[]> regions, Underline u) {
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = regions.get(mid);
            if (u.start() < r[0]) {
                hi = mid - 1;
            } else if (u.start() >= Math.max(r[1], r[0] + 1)) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
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


    /** Characters covered by the leading tokens of the same kind and length in both. */
    private static int commonPrefix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 0; i < n; i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (x.kind() != y.kind() || x.length() != y.length()) {
                return chars;
            }
            chars += x.length();
        }
        return chars;
    }

    private static int commonSuffix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 1; i <= n; i++) {
            Token x = a.get(a.size() - i);
            Token y = b.get(b.size() - i);
            if (x.kind() != y.kind() || x.length() != y.length()) {
                return chars;
            }
            chars += x.length();
        }
        return chars;
    }
}
