package dev.stagecraft.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Regions of the text as {@code int[] {start, end}} (half-open, in the area's offsets), for the
 * styler's bookkeeping of what to restyle: joining, grouping into spans, following edits, picking
 * a batch from the view on. Stateless.
 */
final class Regions {
    private Regions() {
    }

    /** {@code regions} after the change {@code c}: moved with the text, one that the change touches widened over it. */
    static List<int[]> shift(List<int[]> regions, PlainTextChange c) {
        int pos = c.getPosition();
        int removedEnd = pos + c.getRemoved().length();
        int net = c.getNetLength();
        List<int[]> out = new ArrayList<>(regions.size());
        for (int[] r : regions) {
            if (r[1] < pos) {
                out.add(r);
            } else if (r[0] > removedEnd) {
                out.add(new int[] {r[0] + net, r[1] + net});
            } else {
                out.add(new int[] {Math.min(r[0], pos), Math.max(pos + c.getInserted().length(), r[1] + net)});
            }
        }
        return merged(out, Integer.MAX_VALUE);
    }

    /** Sorted disjoint regions joined, in order, into spans of at most {@code max} characters (a longer region stays whole). */
    static List<int[]> coalesced(List<int[]> regions, int max) {
        List<int[]> out = new ArrayList<>();
        int[] group = null;
        for (int[] r : regions) {
            if (group != null && r[1] - group[0] <= max) {
                group[1] = r[1];
            } else {
                group = new int[] {r[0], r[1]};
                out.add(group);
            }
        }
        return out;
    }

    static int distance(int[] region, int offset) {
        return offset < region[0] ? region[0] - offset : offset >= region[1] ? offset - region[1] + 1 : 0;
    }

    /** {@link IncrementalStyler#MAX_REGIONS} of the sorted regions in drawing order: from the first that ends after {@code from}, wrapping around. */
    static List<int[]> batch(List<int[]> regions, int from) {
        int first = 0;
        while (first < regions.size() && regions.get(first)[1] <= from) {
            first++;
        }
        List<int[]> out = new ArrayList<>(IncrementalStyler.MAX_REGIONS);
        for (int i = 0; i < IncrementalStyler.MAX_REGIONS; i++) {
            out.add(regions.get((first + i) % regions.size()));
        }
        return out;
    }

    /** The regions sorted, clipped to the text, overlapping or touching ones joined. */
    static List<int[]> merged(List<int[]> regions, int length) {
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
}
