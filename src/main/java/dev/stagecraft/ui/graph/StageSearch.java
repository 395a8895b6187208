package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Find Stage: the stages whose name or base image matches what the user typed, best first: the
 * name itself, names that start with it, names that contain it, then base images (as written or
 * resolved) that contain it; {@code #3} or {@code 3} also finds stage 3. Case-insensitive. Pure.
 */
final class StageSearch {
    private StageSearch() {
    }

    static List<Integer> matches(StageGraph g, String query) {
        List<Integer> out = new ArrayList<>();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || g == null) {
            return out;
        }
        String number = q.startsWith("#") ? q.substring(1) : q;
        if (number.matches("\\d{1,9}") && Integer.parseInt(number) < g.stages().size()) {
            out.add(Integer.parseInt(number));
        }
        for (int rank = 0; rank < 4; rank++) {
            for (Stage s : g.stages()) {
                if (!out.contains(s.index()) && rank(s, q) == rank) {
                    out.add(s.index());
                }
            }
        }
        return out;
    }

    private static int rank(Stage s, String q) {
        String name = s.displayName().toLowerCase(Locale.ROOT);
        if (name.equals(q)) {
            return 0;
        }
        if (name.startsWith(q)) {
            return 1;
        }
        if (name.contains(q)) {
            return 2;
        }
        if (s.base().toLowerCase(Locale.ROOT).contains(q) || s.baseResolved().toLowerCase(Locale.ROOT).contains(q)) {
            return 3;
        }
        return -1;
    }
}
