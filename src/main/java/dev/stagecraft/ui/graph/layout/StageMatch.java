package dev.stagecraft.ui.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells which stage of the previous graph each stage of a re-parsed graph is, so its node keeps
 * its place. Named stages match by name first (this survives moves); the rest are aligned in file
 * order like a diff, preferring the same base image: a renamed stage keeps its node, and a stage
 * inserted before an unnamed one does not take that one's node. Pure and stateless.
 */
public final class StageMatch {
    /** What identifies a stage across edits: its name (null if unnamed) and its base image text. */
    public record Entry(String name, String base) {
    }

    private StageMatch() {
    }

    /** For each new stage, the index of the old stage it is, or -1 for a stage that is new. */
    public static int[] match(List<Entry> old, List<Entry> now) {
        int[] out = new int[now.size()];
        Arrays.fill(out, -1);
        boolean[] oldUsed = new boolean[old.size()];
        Map<String, Integer> oldByName = new HashMap<>();
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i).name() != null) {
                oldByName.putIfAbsent(old.get(i).name(), i);
            }
        }
        for (int j = 0; j < now.size(); j++) {
            Integer i = now.get(j).name() == null ? null : oldByName.get(now.get(j).name());
            if (i != null && !oldUsed[i]) {
                out[j] = i;
                oldUsed[i] = true;
            }
        }
        List<Integer> restOld = new ArrayList<>();
        List<Integer> restNew = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!oldUsed[i]) {
                restOld.add(i);
            }
        }
        for (int j = 0; j < now.size(); j++) {
            if (out[j] < 0) {
                restNew.add(j);
            }
        }
        align(old, now, restOld, restNew, out);
        return out;
    }

    /** Order-keeping alignment of the unmatched stages: same base scores 2, any other pair 1, a gap 0. */
    private static void align(List<Entry> old, List<Entry> now, List<Integer> ro, List<Integer> rn, int[] out) {
        int n = ro.size();
        int m = rn.size();
        int[][] best = new int[n + 1][m + 1];
        for (int a = n - 1; a >= 0; a--) {
            for (int b = m - 1; b >= 0; b--) {
                int pair = score(old.get(ro.get(a)), now.get(rn.get(b))) + best[a + 1][b + 1];
                best[a][b] = Math.max(pair, Math.max(best[a + 1][b], best[a][b + 1]));
            }
        }
        int a = 0;
        int b = 0;
        while (a < n && b < m) {
            int pair = score(old.get(ro.get(a)), now.get(rn.get(b))) + best[a + 1][b + 1];
            if (best[a][b] == pair) {
                out[rn.get(b)] = ro.get(a);
                a++;
                b++;
            } else if (best[a][b] == best[a + 1][b]) {
                a++;
            } else {
                b++;
            }
        }
    }

    private static int score(Entry old, Entry now) {
        return Objects.equals(old.base(), now.base()) ? 2 : 1;
    }
}
