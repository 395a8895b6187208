package dev.stagecraft.ui.graph.layout;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What the graph pane draws of a stage graph, before any JavaFX: the boxes' ids and the edges to
 * draw, each with its label text. Every {@link StageEdge} and {@link ExternalImage} use is its own
 * drawn edge (two {@code --mount from} of one RUN are two edges), except that more than
 * {@link #BUNDLE_ABOVE} uses of one kind between the same two nodes become one edge labelled
 * "first +N more" (a generated file copying 13 paths from each previous stage stays readable).
 * Pure and stateless.
 */
public final class GraphPlan {
    /** The id prefix of an external image's box. */
    public static final String IMAGE = "image:";
    /** Up to this many edges of one kind between two nodes are drawn one by one. */
    public static final int BUNDLE_ABOVE = 3;
    /** Labels longer than this lose their start to an ellipsis (the end of a path says most). */
    public static final int LABEL_MAX = 24;

    /**
     * An edge to draw: ids of its ends, its kind, its label ("" for none), its lane among the
     * labelled edges leaving the same node, and which uses it stands for: indexes into
     * {@link StageGraph#edges()}, and into {@link StageGraph#external()} for an image's edge.
     */
    public record Edge(String from, String to, EdgeKind kind, String label, int lane, List<Integer> edges,
            List<Integer> external) {
        public Edge {
            edges = List.copyOf(edges);
            external = List.copyOf(external);
        }

        public boolean fromImage() {
            return from.startsWith(IMAGE);
        }
    }

    private GraphPlan() {
    }

    /** A stage's key in saved positions: its name, else {@code #index}. */
    public static String key(Stage s) {
        return s.name() != null ? s.name() : "#" + s.index();
    }

    /** A stage's box id: unique even where two stages share a name. */
    public static String stageId(int index) {
        return "s:" + index;
    }

    /** An external image's box id. */
    public static String imageKey(String image) {
        return IMAGE + image;
    }

    /**
     * The edges to draw among the stages {@code shown} accepts; external images' edges only when
     * {@code images} (they are collapsed into their users otherwise).
     */
    public static List<Edge> edges(StageGraph g, IntPredicate shown, boolean images) {
        Map<List<Object>, List<Integer>> stageGroups = new LinkedHashMap<>();
        for (int i = 0; i < g.edges().size(); i++) {
            StageEdge e = g.edges().get(i);
            if (shown.test(e.from()) && shown.test(e.to())) {
                stageGroups.computeIfAbsent(List.of(e.from(), e.to(), e.kind()), k -> new ArrayList<>()).add(i);
            }
        }
        Map<List<Object>, List<Integer>> imageGroups = new LinkedHashMap<>();
        if (images) {
            for (int i = 0; i < g.external().size(); i++) {
                ExternalImage x = g.external().get(i);
                if (shown.test(x.to())) {
                    imageGroups.computeIfAbsent(List.of(x.image(), x.to(), x.kind()), k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<Edge> out = new ArrayList<>();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        stageGroups.forEach((k, uses) -> {
            String from = stageId((Integer) k.get(0));
            String to = stageId((Integer) k.get(1));
            EdgeKind kind = (EdgeKind) k.get(2);
            List<String> labels = uses.stream().map(i -> text(kind, g.edges().get(i).label())).toList();
            addGroup(out, lanes, from, to, kind, labels, uses, List.of());
        });
        imageGroups.forEach((k, uses) -> {
            String from = imageKey((String) k.get(0));
            String to = stageId((Integer) k.get(1));
            EdgeKind kind = (EdgeKind) k.get(2);
            List<String> labels = uses.stream().map(i -> text(kind, g.external().get(i).label())).toList();
            addGroup(out, lanes, from, to, kind, labels, List.of(), uses);
        });
        return out;
    }

    private static void addGroup(List<Edge> out, Map<String, Integer> lanes, String from, String to, EdgeKind kind,
            List<String> labels, List<Integer> edges, List<Integer> external) {
        if (labels.size() > BUNDLE_ABOVE) {
            String label = labels.get(0).isEmpty() ? "" : shorten(labels.get(0)) + " +" + (labels.size() - 1) + " more";
            out.add(new Edge(from, to, kind, label, lane(lanes, from, label), edges, external));
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = shorten(labels.get(i));
            out.add(new Edge(from, to, kind, label, lane(lanes, from, label),
                    edges.isEmpty() ? List.of() : List.of(edges.get(i)),
                    external.isEmpty() ? List.of() : List.of(external.get(i))));
        }
    }

    private static int lane(Map<String, Integer> lanes, String from, String label) {
        return label.isEmpty() ? 0 : lanes.merge(from, 1, Integer::sum) - 1;
    }

    /** What an edge of {@code kind} says: nothing for FROM, the copied path, "mount" and the target. */
    static String text(EdgeKind kind, String label) {
        switch (kind) {
            case COPY:
                return label == null ? "" : label;
            case MOUNT:
                return label == null ? "mount" : "mount " + label;
            default:
                return "";
        }
    }

    /** {@code s} cut to its last {@link #LABEL_MAX} characters after an ellipsis. */
    public static String shorten(String s) {
        return s.length() <= LABEL_MAX ? s : "…" + s.substring(s.length() - LABEL_MAX + 1);
    }
}
