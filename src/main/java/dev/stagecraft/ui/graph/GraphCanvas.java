package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.graph.layout.StageLayout;
import dev.stagecraft.ui.graph.layout.StageMatch;
import dev.stagecraft.ui.graph.layout.StagePlacement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * What the graph pane draws, in graph coordinates (the pane pans and zooms it): one
 * {@link StageNodeView} per stage, one {@link ExternalImageView} per external image, and the
 * {@link EdgeView}s between them. Re-rendering reuses the node of each stage that is still there
 * (by {@link StageMatch}) so it keeps its place; new nodes get one from {@link StagePlacement}
 * and never move placed ones. FX thread only.
 */
final class GraphCanvas extends Pane {
    private static final String IMAGE = "image:";
    /** About the width of a character of an edge label (0.8 em of the default font). */
    private static final double LABEL_CHAR = 6.5;
    /** Room for " · 762 kB" after a build, the gap at the source and the arrow. */
    private static final double SIZE_ROOM = 80;

    private final Group edgeLayer = new Group();
    private final Consumer<StageNodeView> attach;
    private final Consumer<ExternalImageView> attachImage;
    private List<StageNodeView> stages = new ArrayList<>();
    private Map<String, ExternalImageView> externals = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    /** Positions the user chose (dragged or saved) by key; they win over any layout. */
    private Map<String, Point2D> placed = new HashMap<>();
    private final Map<Ends, EdgeView.Route> routes = new HashMap<>();
    private StageGraph graph;

    private record Ends(Region from, Region to) {
    }

    /** What makes an edge view the same across re-parses. */
    private record EdgeKey(Region from, Region to, EdgeKind kind, String text, int lane) {
    }

    /** {@code attach} and {@code attachImage} wire the gestures of each node made. */
    GraphCanvas(Consumer<StageNodeView> attach, Consumer<ExternalImageView> attachImage) {
        this.attach = attach;
        this.attachImage = attachImage;
        getStyleClass().add("graph-canvas");
        getChildren().add(edgeLayer);
        setManaged(false);
    }

    /** Shows {@code g}; returns true if nodes were placed by a fresh layout of the whole graph. */
    boolean show(StageGraph g) {
        List<StageNodeView> old = stages;
        int[] match = StageMatch.match(old.stream().map(v -> entry(v.stage())).toList(),
                g.stages().stream().map(GraphCanvas::entry).toList());
        Map<String, Point2D> kept = new HashMap<>(placed);
        old.forEach(v -> kept.remove(v.key()));
        List<StageNodeView> now = new ArrayList<>();
        List<StageNodeView> fresh = new ArrayList<>();
        for (Stage s : g.stages()) {
            String key = key(s);
            StageNodeView v;
            if (match[s.index()] >= 0) {
                v = old.get(match[s.index()]);
                Point2D userPlace = placed.get(v.key());
                if (userPlace != null) {
                    kept.put(key, userPlace);
                }
                v.setKey(key);
            } else {
                v = new StageNodeView(key);
                attach.accept(v);
                getChildren().add(v);
                Point2D saved = kept.get(key);
                if (saved != null) {
                    v.relocate(saved.getX(), saved.getY());
                } else {
                    fresh.add(v);
                }
            }
            now.add(v);
        }
        old.stream().filter(v -> !now.contains(v)).forEach(getChildren()::remove);
        stages = now;
        placed = kept;
        graph = g;
        List<ExternalImageView> freshImages = showExternals(g);
        emphasise(g);
        boolean full = false;
        if (!fresh.isEmpty() || !freshImages.isEmpty()) {
            full = place(fresh, freshImages);
        }
        showEdges(g);
        return full;
    }

    /** Marks {@code g}'s target as the final image and dims the stages it does not need. */
    void emphasise(StageGraph g) {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).show(g.stages().get(i), i == g.target(), g.isNeeded(i));
        }
    }

    /** Lays the whole graph out again, forgetting where the user put nodes. */
    void arrange() {
        placed.clear();
        place(new ArrayList<>(stages), new ArrayList<>(externals.values()));
        showEdges(graph);
    }

    /** One node per distinct external image; returns the ones that are new and need a place. */
    private List<ExternalImageView> showExternals(StageGraph g) {
        Map<String, ExternalImageView> now = new LinkedHashMap<>();
        List<ExternalImageView> fresh = new ArrayList<>();
        for (ExternalImage x : g.external()) {
            if (!now.containsKey(x.image())) {
                ExternalImageView v = externals.get(x.image());
                if (v == null) {
                    v = new ExternalImageView(x.image());
                    attachImage.accept(v);
                    getChildren().add(v);
                    fresh.add(v);
                }
                now.put(x.image(), v);
            }
        }
        externals.values().stream().filter(v -> !now.containsValue(v)).forEach(getChildren()::remove);
        externals = now;
        return fresh;
    }

    /** Puts the fresh nodes where {@link StagePlacement} says; true if that was a full layout. */
    private boolean place(List<StageNodeView> fresh, List<ExternalImageView> freshImages) {
        List<StageLayout.Box> boxes = new ArrayList<>();
        Map<String, Region> byId = new LinkedHashMap<>();
        Map<String, StageLayout.Point> settled = new LinkedHashMap<>();
        for (StageNodeView v : stages) {
            boxes.add(new StageLayout.Box(v.key(), StageNodeView.WIDTH, StageNodeView.HEIGHT));
            byId.put(v.key(), v);
        }
        externals.forEach((image, v) -> {
            boxes.add(new StageLayout.Box(IMAGE + image, ExternalImageView.WIDTH, ExternalImageView.HEIGHT));
            byId.put(IMAGE + image, v);
        });
        byId.forEach((id, r) -> {
            if (!fresh.contains(r) && !freshImages.contains(r)) {
                settled.put(id, new StageLayout.Point(r.getLayoutX(), r.getLayoutY()));
            }
        });
        StageLayout.Layout layout = StagePlacement.placeNew(boxes, links(), settled, layerGap());
        layout.positions().forEach((id, p) -> byId.get(id).relocate(p.x(), p.y()));
        if (!layout.routes().isEmpty()) {
            routes.clear(); // a full layout: old routes lead around nodes that are elsewhere now
        }
        layout.routes().forEach((link, points) -> {
            Region from = byId.get(link.from());
            Region to = byId.get(link.to());
            routes.put(new Ends(from, to), new EdgeView.Route(points.stream().map(p -> new Point2D(p.x(), p.y())).toList(),
                    new Point2D(from.getLayoutX(), from.getLayoutY()), new Point2D(to.getLayoutX(), to.getLayoutY())));
        });
        return !layout.routes().isEmpty() || settled.isEmpty();
    }

    /**
     * Room between layers for the longest label an edge starts with, and the bytes a build adds to
     * it, so a copy's label does not run under the node it points at.
     */
    private double layerGap() {
        int longest = 0;
        for (StageEdge e : graph.edges()) {
            if (e.kind() != EdgeKind.BASE) {
                String text = e.kind() == EdgeKind.COPY ? e.label() : "mount " + (e.label() == null ? "" : e.label());
                longest = Math.max(longest, text == null ? 0 : EdgeView.shorten(text).length());
            }
        }
        return longest == 0 ? StageLayout.LAYER_GAP : Math.min(260, longest * LABEL_CHAR + SIZE_ROOM);
    }

    private List<StageLayout.Link> links() {
        List<StageLayout.Link> links = new ArrayList<>();
        for (StageEdge e : graph.edges()) {
            links.add(new StageLayout.Link(stages.get(e.from()).key(), stages.get(e.to()).key()));
        }
        for (ExternalImage x : graph.external()) {
            links.add(new StageLayout.Link(IMAGE + x.image(), stages.get(x.to()).key()));
        }
        return links;
    }

    /** Shows {@code g}'s edges, reusing the view of every edge that is still the same (most, while typing). */
    private void showEdges(StageGraph g) {
        Map<EdgeKey, ArrayDeque<EdgeView>> old = new HashMap<>();
        edges.forEach(e -> old.computeIfAbsent(new EdgeKey(e.fromNode(), e.toNode(), e.kind(), e.text(), e.lane()),
                k -> new ArrayDeque<>()).add(e));
        List<EdgeView> before = List.copyOf(edges);
        edges.clear();
        Map<Region, Integer> lanes = new HashMap<>();
        Set<Ends> shown = new HashSet<>();
        for (StageEdge e : g.edges()) {
            String text = switch (e.kind()) {
                case BASE -> "";
                case COPY -> e.label();
                case MOUNT -> e.label() == null ? "mount" : "mount " + e.label();
            };
            edges.add(edge(stages.get(e.from()), stages.get(e.to()), e.kind(), text, lanes, shown, old));
        }
        for (ExternalImage x : g.external()) {
            edges.add(edge(externals.get(x.image()), stages.get(x.to()), x.kind(), x.label(), lanes, shown, old));
        }
        old.values().forEach(views -> views.forEach(EdgeView::dispose));
        routes.keySet().removeIf(k -> !shown.contains(k));
        if (!edges.equals(before)) {
            edgeLayer.getChildren().setAll(edges);
        }
    }

    private EdgeView edge(Region from, Region to, EdgeKind kind, String text, Map<Region, Integer> lanes,
            Set<Ends> shown, Map<EdgeKey, ArrayDeque<EdgeView>> old) {
        Ends ends = new Ends(from, to);
        shown.add(ends);
        String label = text == null ? "" : text;
        // labels sit near the source, so each labelled edge leaving a node gets its own lane
        int lane = label.isEmpty() || kind == EdgeKind.BASE ? 0 : lanes.merge(from, 1, Integer::sum) - 1;
        ArrayDeque<EdgeView> same = old.get(new EdgeKey(from, to, kind, label, lane));
        EdgeView edge = same == null || same.isEmpty() ? new EdgeView(from, to, kind, label, lane) : same.poll();
        EdgeView.Route route = routes.get(ends);
        if (route != edge.route()) {
            edge.setRoute(route);
        }
        return edge;
    }

    private static StageMatch.Entry entry(Stage s) {
        return new StageMatch.Entry(s.name(), s.base());
    }

    static String key(Stage s) {
        return s.name() != null ? s.name() : "#" + s.index();
    }

    // ---- positions ---------------------------------------------------------------------------

    /** Where each stage's node is, keyed by stage name, else {@code #index}. */
    Map<String, Point2D> positions() {
        Map<String, Point2D> out = new LinkedHashMap<>();
        stages.forEach(v -> out.put(v.key(), new Point2D(v.getLayoutX(), v.getLayoutY())));
        return out;
    }

    /** Places nodes as saved; keys without a node yet are kept for the stage that comes with that key. */
    void setPositions(Map<String, Point2D> positions) {
        placed.putAll(positions);
        stages.forEach(v -> {
            Point2D p = positions.get(v.key());
            if (p != null) {
                v.relocate(p.getX(), p.getY());
            }
        });
    }

    void userPlaced(StageNodeView v) {
        placed.put(v.key(), new Point2D(v.getLayoutX(), v.getLayoutY()));
    }

    // ---- what the pane, export and tests read ------------------------------------------------

    StageGraph graph() {
        return graph;
    }

    List<StageNodeView> stageNodes() {
        return stages;
    }

    Map<String, ExternalImageView> externalNodes() {
        return externals;
    }

    List<EdgeView> edgeViews() {
        return edges;
    }

    List<Region> allNodes() {
        List<Region> all = new ArrayList<>(stages);
        all.addAll(externals.values());
        return all;
    }

    /** The stage node under a point in graph coordinates, if any. */
    StageNodeView nodeAt(double x, double y) {
        for (StageNodeView v : stages) {
            if (x >= v.getLayoutX() && x <= v.getLayoutX() + StageNodeView.WIDTH
                    && y >= v.getLayoutY() && y <= v.getLayoutY() + StageNodeView.HEIGHT) {
                return v;
            }
        }
        return null;
    }
}
