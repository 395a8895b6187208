package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.graph.layout.GraphPlan;
import dev.stagecraft.ui.graph.layout.StageLayout;
import dev.stagecraft.ui.graph.layout.StageMatch;
import dev.stagecraft.ui.graph.layout.StagePlacement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * What the graph pane draws, in graph coordinates (the pane pans and zooms it): one
 * {@link StageNodeView} per stage, one {@link ExternalImageView} per external image, and the
 * {@link EdgeView}s of {@link GraphPlan} between them. Re-rendering reuses the node of each stage
 * that is still there (by {@link StageMatch}) so it keeps its place; new nodes get one from
 * {@link StagePlacement} and never move placed ones. A focus (some stages only, external images
 * collapsed) lays the shown part out on its own for as long as it lasts; the places of the whole
 * graph come back after it. FX thread only.
 */
final class GraphCanvas extends Pane {
    /** Room for "999.9 MB", the bytes a build adds to a COPY's label on a second line, kept in the layout. */
    private static final String SIZE_ROOM = "999.9 MB";

    private final Group edgeLayer = new Group();
    private final Consumer<StageNodeView> attach;
    private final Consumer<ExternalImageView> attachImage;
    private List<StageNodeView> stages = new ArrayList<>();
    private Map<String, ExternalImageView> externals = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    /** Positions the user chose (dragged or saved) by key; they win over any layout. */
    private Map<String, Point2D> placed = new HashMap<>();
    private StageGraph graph;
    private boolean compact;
    private final FocusLayout focus = new FocusLayout();
    private Metrics metrics;
    private final LiveArea live;

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
        live = new LiveArea(this, edgeLayer);
    }

    /** Whether {@code g} is drawn simplified: compact nodes only, placed without ELK, labels on hover. */
    static boolean large(StageGraph g) {
        return g.stages().size() > StagePlacement.LARGE;
    }

    /**
     * Shows {@code g}; returns true if nodes were placed by a fresh layout of the whole graph. When
     * this is the pane's first graph or such a layout, {@code compactWhenFitted} says, from the
     * laid-out graph's bounds, whether the fit that follows will show it compact: the new nodes
     * enter the scene in that form, so they are styled once.
     */
    boolean show(StageGraph g, java.util.function.Predicate<Bounds> compactWhenFitted) {
        boolean first = graph == null;
        focus.leave();
        boolean big = large(g);
        List<StageNodeView> old = stages;
        int[] match = StageMatch.match(old.stream().map(v -> entry(v.stage())).toList(),
                g.stages().stream().map(GraphCanvas::entry).toList());
        Map<String, Point2D> kept = new HashMap<>(placed);
        old.forEach(v -> kept.remove(v.key()));
        List<StageNodeView> now = new ArrayList<>();
        List<Region> fresh = new ArrayList<>();
        List<StageNodeView> made = new ArrayList<>();
        List<StageNodeView> renamed = new ArrayList<>();
        for (Stage s : g.stages()) {
            String key = GraphPlan.key(s);
            StageNodeView v;
            if (match[s.index()] >= 0) {
                v = old.get(match[s.index()]);
                if (v.stage() != null && !v.stage().displayName().equals(s.displayName())) {
                    renamed.add(v); // measured again: its width was its old name's
                }
                Point2D userPlace = placed.get(v.key());
                if (userPlace != null) {
                    kept.put(key, userPlace);
                }
                v.setKey(key);
            } else {
                v = new StageNodeView(key, compact || big);
                attach.accept(v);
                made.add(v);
                Point2D saved = kept.get(key);
                if (saved != null) {
                    v.relocate(saved.getX(), saved.getY());
                } else {
                    fresh.add(v);
                }
            }
            now.add(v);
        }
        java.util.Set<StageNodeView> staying = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        staying.addAll(now);
        List<StageNodeView> gone = old.stream().filter(v -> !staying.contains(v)).toList();
        getChildren().removeAll(gone);
        stages = now;
        placed = kept;
        graph = g;
        fresh.addAll(showExternals(g));
        emphasise(g);
        collapseImages();
        size(made);
        size(renamed);
        showEdges(g);
        boolean full = false;
        if (!fresh.isEmpty()) {
            full = place(fresh);
        }
        applyFocus();
        if (first || full) {
            Bounds shown = shownBounds();
            if (shown != null) {
                setCompact(compactWhenFitted.test(shown), null);
            }
        }
        // what a node or an edge shows is settled before it enters the scene: a change of style
        // class after that matches the node and all in it against every style sheet again
        edges.forEach(e -> e.setLabelsShown(!compact && !big));
        if (!big) {
            getChildren().addAll(made); // a large graph's nodes go live as they come into view (cull)
        }
        recull();
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
        focus.leave();
        placed.clear();
        size(stages);
        place(allNodes());
        applyFocus();
    }

    /** Gives {@code nodes} the width their text needs in the theme's fonts, full or compact. */
    private void size(List<? extends Region> nodes) {
        NodeMetrics m = metrics();
        for (Region r : nodes) {
            if (r instanceof StageNodeView v && v.stage() != null) {
                v.setBoxWidth(m.width(v.stage(), v.isTarget(), v.detailsLine()));
            }
        }
    }

    /** The fonts of nodes and edge labels in this pane's styling. */
    private NodeMetrics metrics() {
        if (metrics == null || metrics.scene() != getScene()) {
            // measuring styles a probe node, which styles this whole new pane first (a tenth of
            // opening moby/moby): panes styled alike share the fonts measured once
            String styling = styling(this);
            NodeMetrics m = MEASURED.get(styling);
            if (m == null) {
                m = NodeMetrics.of(this);
                if (MEASURED.size() >= 16) {
                    MEASURED.clear();
                }
                MEASURED.put(styling, m);
            }
            metrics = new Metrics(m, getScene());
        }
        return metrics.metrics();
    }

    /** Fonts measured, by {@link #styling}. FX thread only, like every canvas. */
    private static final Map<String, NodeMetrics> MEASURED = new java.util.HashMap<>();

    /**
     * What decides the fonts of a node in {@code n}: the user agent style sheet, the scene's and
     * every ancestor's style sheets, style classes and inline style. Equal strings, equal fonts.
     */
    private static String styling(javafx.scene.Node n) {
        StringBuilder sb = new StringBuilder(String.valueOf(javafx.application.Application.getUserAgentStylesheet()));
        sb.append('|').append(n.getScene() == null ? "no scene" : n.getScene().getStylesheets());
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            sb.append('|').append(p.getClass().getName()).append(p.getStyleClass()).append(p.getStyle());
            if (p instanceof javafx.scene.Parent parent) {
                sb.append(parent.getStylesheets());
            }
        }
        return sb.toString();
    }

    /** The fonts measured in one scene (a pane moved to another window measures again). */
    private record Metrics(NodeMetrics metrics, javafx.scene.Scene scene) {
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

    /** While images are collapsed, each stage lists the images it uses. */
    private void collapseImages() {
        List<List<String>> uses = new ArrayList<>();
        stages.forEach(v -> uses.add(new ArrayList<>()));
        if (!focus.images()) {
            for (ExternalImage x : graph.external()) {
                if (!uses.get(x.to()).contains(x.image())) {
                    uses.get(x.to()).add(x.image());
                }
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (!uses.get(i).equals(stages.get(i).images())) {
                stages.get(i).setImages(uses.get(i));
            }
        }
    }

    /**
     * Places {@code fresh} where {@link StagePlacement} says among the nodes placed already; with
     * none placed it is a full layout, whose routes the edges then follow. Returns whether it was.
     */
    private boolean place(List<Region> fresh) {
        List<Region> nodes = allNodes();
        Map<String, StageLayout.Point> settled = new LinkedHashMap<>();
        Map<Region, String> ids = ids(nodes);
        for (Region r : nodes) {
            if (!fresh.contains(r)) {
                settled.put(ids.get(r), new StageLayout.Point(r.getLayoutX(), r.getLayoutY()));
            }
        }
        StageLayout.Layout layout = StagePlacement.placeNew(boxes(nodes, ids), links(edges, ids), settled);
        Map<String, Region> byId = new HashMap<>();
        ids.forEach((r, id) -> byId.put(id, r));
        layout.positions().forEach((id, p) -> byId.get(id).relocate(p.x(), p.y()));
        if (settled.isEmpty()) {
            route(edges, layout);
        }
        return settled.isEmpty();
    }

    /** The box ids of the layout: unique even where two stages share a name. */
    private Map<Region, String> ids(List<Region> nodes) {
        Map<Region, Integer> index = stageIndex();
        Map<Region, String> ids = new IdentityHashMap<>();
        for (Region r : nodes) {
            ids.put(r, r instanceof StageNodeView ? GraphPlan.stageId(index.get(r))
                    : GraphPlan.imageKey(((ExternalImageView) r).image()));
        }
        return ids;
    }

    private Map<Region, Integer> stageIndex() {
        Map<Region, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            index.put(stages.get(i), i);
        }
        return index;
    }

    private List<StageLayout.Box> boxes(List<Region> nodes, Map<Region, String> ids) {
        List<StageLayout.Box> boxes = new ArrayList<>();
        for (Region r : nodes) {
            boxes.add(new StageLayout.Box(ids.get(r), r.getPrefWidth(), r.getPrefHeight()));
        }
        return boxes;
    }

    /** One link per edge view, with the size its label takes (and a line for the bytes a build adds to a COPY). */
    private List<StageLayout.Link> links(List<EdgeView> views, Map<Region, String> ids) {
        boolean labelled = graph != null && !large(graph);
        List<StageLayout.Link> links = new ArrayList<>();
        for (EdgeView e : views) {
            String text = labelled ? e.text() : "";
            if (text.isEmpty() || e.kind() == EdgeKind.BASE) {
                links.add(new StageLayout.Link(ids.get(e.fromNode()), ids.get(e.toNode())));
            } else {
                double[] size = labelSize(text);
                if (e.kind() == EdgeKind.COPY) { // a second line for the bytes it carried, after a build
                    size = new double[] {Math.max(size[0], labelSize(SIZE_ROOM)[0]), 2 * size[1]};
                }
                links.add(new StageLayout.Link(ids.get(e.fromNode()), ids.get(e.toNode()), size[0], size[1]));
            }
        }
        return links;
    }

    /**
     * A label's width and height as the theme draws {@code .edge-label}, from the fonts measured
     * for panes styled alike (a probe label styled here would style the whole new pane first).
     */
    private double[] labelSize(String text) {
        return metrics().edgeLabel(text);
    }

    private static void route(List<EdgeView> views, StageLayout.Layout layout) {
        for (int i = 0; i < views.size(); i++) {
            EdgeView e = views.get(i);
            StageLayout.Route r = layout.routes().get(i);
            e.setRoute(r == null ? null : new EdgeView.Route(
                    r.points().stream().map(p -> new Point2D(p.x(), p.y())).toList(),
                    r.label() == null ? null : new Point2D(r.label().x(), r.label().y()),
                    new Point2D(e.fromNode().getLayoutX(), e.fromNode().getLayoutY()),
                    new Point2D(e.toNode().getLayoutX(), e.toNode().getLayoutY()), e.fromNode().getPrefWidth()));
        }
    }

    /** Shows {@code g}'s edges, reusing the view of every edge that is still the same (most, while typing). */
    private void showEdges(StageGraph g) {
        Map<EdgeKey, ArrayDeque<EdgeView>> old = new HashMap<>();
        edges.forEach(e -> old.computeIfAbsent(new EdgeKey(e.fromNode(), e.toNode(), e.kind(), e.text(), e.lane()),
                k -> new ArrayDeque<>()).add(e));
        List<EdgeView> before = List.copyOf(edges);
        edges.clear();
        for (GraphPlan.Edge p : GraphPlan.edges(g, i -> true, true)) {
            Region from = node(p.from());
            Region to = node(p.to());
            ArrayDeque<EdgeView> same = old.get(new EdgeKey(from, to, p.kind(), p.label(), p.lane()));
            EdgeView edge = same == null || same.isEmpty() ? new EdgeView(from, to, p.kind(), p.label(), p.lane()) : same.poll();
            edge.setPlan(p);
            edges.add(edge);
        }
        old.values().forEach(views -> views.forEach(EdgeView::dispose));
        if (large(g)) {
            edgeLayer.getChildren().retainAll(new java.util.HashSet<>(edges)); // the rest go live as they come into view
        } else if (!edges.equals(before) || edgeLayer.getChildren().size() != edges.size()) {
            edgeLayer.getChildren().setAll(edges);
        }
    }

    private Region node(String id) {
        return id.startsWith(GraphPlan.IMAGE) ? externals.get(id.substring(GraphPlan.IMAGE.length()))
                : stages.get(Integer.parseInt(id.substring(2)));
    }

    /**
     * Only what is in or near {@code view} (graph coordinates) lives in the scene while the graph
     * is large ({@link LiveArea}); a small graph is all live.
     */
    void cull(Bounds view) {
        if (graph != null) {
            live.cull(large(graph), view, allNodes(), edges);
        }
    }

    /** Makes the whole graph live (for an export), until the next {@link #cull}. */
    void attachAll() {
        live.attachAll(allNodes(), edges);
    }

    /** Forgets the live area: the next {@link #cull} recomputes it (nodes moved). */
    void recull() {
        live.forget();
    }

    private static StageMatch.Entry entry(Stage s) {
        return new StageMatch.Entry(s.name(), s.base());
    }

    // ---- focus -------------------------------------------------------------------------------

    /**
     * Shows only the stages in {@code stages} (null: all) and external images as nodes or
     * collapsed into their users; any other view than all-with-images lays the shown part out anew.
     */
    void setFocus(BitSet stages, boolean images) {
        focus.leave();
        focus.set(stages, images);
        if (graph != null) {
            collapseImages();
            applyFocus();
        }
    }

    boolean focused() {
        return focus.active();
    }

    private void applyFocus() {
        if (graph != null) {
            focus.apply(graph, stages, externals.values(), edges, this::layOutPart);
        }
    }

    /** Lays out only {@code visible} and the edges {@code drawn} between them (a focus). */
    private void layOutPart(List<Region> visible, List<EdgeView> drawn) {
        size(visible); // collapsed images lengthen the details line
        Map<Region, String> ids = ids(visible);
        StageLayout.Layout layout = StagePlacement.layout(boxes(visible, ids), links(drawn, ids));
        Map<String, Region> byId = new HashMap<>();
        ids.forEach((r, id) -> byId.put(id, r));
        layout.positions().forEach((id, p) -> byId.get(id).relocate(p.x(), p.y()));
        route(drawn, layout);
    }

    // ---- semantic zoom -------------------------------------------------------------------------

    /**
     * Compact nodes and labels on hover only (zoomed out), or full nodes and labels (zoomed in).
     * A large graph stays compact outside {@code view} (graph coordinates): only what is seen is
     * made full.
     */
    void setCompact(boolean on, Bounds view) {
        boolean big = graph != null && large(graph);
        if (on == compact && !(big && !on)) {
            return;
        }
        compact = on;
        for (StageNodeView v : stages) {
            if (on || !big || view == null || view.intersects(v.getBoundsInParent())) {
                v.setCompact(on);
            }
        }
        edges.forEach(e -> e.setLabelsShown(!on && !big));
    }

    boolean compact() {
        return compact;
    }

    /** Shows the labels of the edges at {@code node} while the pointer is on it. */
    void hover(Region node, boolean on) {
        for (EdgeView e : edges) {
            if (e.fromNode() == node || e.toNode() == node) {
                e.setHovered(on);
            }
        }
    }

    // ---- positions ---------------------------------------------------------------------------

    /** Where each stage's node is in the whole graph, keyed by stage name, else {@code #index}. */
    Map<String, Point2D> positions() {
        Map<String, Point2D> out = new LinkedHashMap<>();
        stages.forEach(v -> out.put(v.key(), focus.home(v)));
        return out;
    }

    /** Places nodes as saved; keys without a node yet are kept for the stage that comes with that key. */
    void setPositions(Map<String, Point2D> positions) {
        focus.leave();
        placed.putAll(positions);
        stages.forEach(v -> {
            Point2D p = positions.get(v.key());
            if (p != null) {
                v.relocate(p.getX(), p.getY());
            }
        });
        applyFocus();
    }

    /** The user dropped {@code v} here: it stays there (in a focus, only while the focus lasts). */
    void userPlaced(StageNodeView v) {
        if (!focus.active()) {
            placed.put(v.key(), new Point2D(v.getLayoutX(), v.getLayoutY()));
        }
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

    /** The nodes the current focus shows. */
    List<Region> shownNodes() {
        return allNodes().stream().filter(Region::isVisible).toList();
    }

    /** The edges the current focus shows. */
    List<EdgeView> shownEdges() {
        return edges.stream().filter(EdgeView::isVisible).toList();
    }

    /** The box around the shown nodes (graph coordinates), or null when none is shown. */
    Bounds shownBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Region r : shownNodes()) {
            minX = Math.min(minX, r.getLayoutX());
            minY = Math.min(minY, r.getLayoutY());
            maxX = Math.max(maxX, r.getLayoutX() + r.getPrefWidth());
            maxY = Math.max(maxY, r.getLayoutY() + r.getPrefHeight());
        }
        return minX > maxX ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The shown stage node under a point in graph coordinates, if any. */
    StageNodeView nodeAt(double x, double y) {
        for (StageNodeView v : stages) {
            if (v.isVisible() && x >= v.getLayoutX() && x <= v.getLayoutX() + v.getPrefWidth()
                    && y >= v.getLayoutY() && y <= v.getLayoutY() + StageNodeView.HEIGHT) {
                return v;
            }
        }
        return null;
    }
}
