package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which stages the graph pane shows: all of them, only what the target needs (what BuildKit
 * builds for it), or the selected stage with everything it depends on and everything that
 * depends on it. Pure; any thread.
 */
public enum GraphFocus {
    /** Every stage. */
    ALL("All stages"),
    /** The target and the stages it needs, through FROM, COPY --from and mounts. */
    TARGET("Only what the target needs"),
    /** The selected stage, what it depends on and what depends on it (the target's when nothing is selected). */
    SELECTION("Focus on selection");

    private final String title;

    GraphFocus(String title) {
        this.title = title;
    }

    /** What a menu calls it. */
    public String title() {
        return title;
    }

    /** The stages shown in {@code g} for this focus, {@code target} and {@code selected} (may be null). */
    public BitSet shown(StageGraph g, int target, Integer selected) {
        int n = g.stages().size();
        BitSet out = new BitSet(n);
        if (this == ALL || n == 0) {
            out.set(0, n);
            return out;
        }
        int at = this == SELECTION && selected != null && selected >= 0 && selected < n ? selected
                : target >= 0 && target < n ? target : n - 1;
        out.or(reach(g, at, true));
        if (this == SELECTION) {
            out.or(reach(g, at, false));
        }
        return out;
    }

    /** {@code start} and every stage it reaches against the edges (its sources) or along them (its users). */
    private static BitSet reach(StageGraph g, int start, boolean upstream) {
        List<List<Integer>> next = new ArrayList<>();
        for (int i = 0; i < g.stages().size(); i++) {
            next.add(new ArrayList<>());
        }
        for (StageEdge e : g.edges()) {
            next.get(upstream ? e.to() : e.from()).add(upstream ? e.from() : e.to());
        }
        BitSet seen = new BitSet(g.stages().size());
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        seen.set(start);
        todo.add(start);
        while (!todo.isEmpty()) {
            for (int w : next.get(todo.poll())) {
                if (!seen.get(w)) {
                    seen.set(w);
                    todo.add(w);
                }
            }
        }
        return seen;
    }
}
