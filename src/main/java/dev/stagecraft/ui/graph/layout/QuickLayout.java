package dev.stagecraft.ui.graph.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered left-to-right placement in linear time for graphs too big for {@link StageLayout}
 * (ELK Layered takes seconds at 1,600 stages): each box in the layer after its deepest source
 * (longest path), boxes of a layer ordered by the mean row of their sources, layers side by side.
 * Edges are not routed: the pane draws them as plain curves. Pure and stateless.
 */
public final class QuickLayout {
    /** Free space between two boxes of a layer, and between layers. */
    static final double ROW_GAP = 24;
    static final double LAYER_GAP = 72;

    private QuickLayout() {
    }

    /** Places every box; the routes are all null. */
    public static StageLayout.Layout layout(List<StageLayout.Box> boxes, List<StageLayout.Link> links) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            index.put(boxes.get(i).id(), i);
        }
        int n = boxes.size();
        List<List<Integer>> sources = new ArrayList<>();
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(new ArrayList<>());
            users.add(new ArrayList<>());
        }
        int[] waiting = new int[n];
        for (StageLayout.Link l : links) {
            Integer from = index.get(l.from());
            Integer to = index.get(l.to());
            if (from != null && to != null && !from.equals(to)) {
                sources.get(to).add(from);
                users.get(from).add(to);
                waiting[to]++;
            }
        }
        int[] layer = new int[n];
        boolean[] done = new boolean[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int v = ready.poll();
            done[v] = true;
            order.add(v);
            for (int u : users.get(v)) {
                layer[u] = Math.max(layer[u], layer[v] + 1);
                if (--waiting[u] == 0) {
                    ready.add(u);
                }
            }
        }
        int deepest = 0;
        for (int v : order) {
            deepest = Math.max(deepest, layer[v]);
        }
        for (int i = 0; i < n; i++) {
            if (!done[i]) { // on a cycle (the parser reports those): after everything else
                layer[i] = deepest + 1;
                order.add(i);
            }
        }
        int layers = 0;
        for (int i = 0; i < n; i++) {
            layers = Math.max(layers, layer[i] + 1);
        }
        List<List<Integer>> byLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            byLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byLayer.get(layer[i]).add(i); // input order within a layer
        }
        double[] row = new double[n];
        for (List<Integer> members : byLayer) {
            Map<Integer, Double> weight = new HashMap<>();
            for (int v : members) {
                double sum = 0;
                for (int s : sources.get(v)) {
                    sum += row[s];
                }
                weight.put(v, sources.get(v).isEmpty() ? Double.MAX_VALUE : sum / sources.get(v).size());
            }
            members.sort(Comparator.comparingDouble(weight::get)); // stable: ties keep the input order
            for (int r = 0; r < members.size(); r++) {
                row[members.get(r)] = r;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double left = 24;
        for (List<Integer> members : byLayer) {
            double width = 0;
            double top = 24;
            for (int v : members) {
                StageLayout.Box b = boxes.get(v);
                x[v] = left;
                y[v] = top;
                top += b.height() + ROW_GAP;
                width = Math.max(width, b.width());
            }
            left += width + LAYER_GAP;
        }
        Map<String, StageLayout.Point> positions = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(boxes.get(i).id(), new StageLayout.Point(x[i], y[i]));
        }
        return new StageLayout.Layout(positions, Collections.nCopies(links.size(), null));
    }
}
