package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.graph.layout.StageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The stage graph pane: one node per stage, small nodes for external images, edges by kind,
 * the target emphasised and unused stages dimmed, ELK layout for stages without a place,
 * dragging, panning, zooming, connecting and per-node menus that become {@link GraphGesture}s.
 * Nodes keep their place across {@link #setGraph} calls by stage identity. FX thread only.
 */
public final class GraphView extends Region {
    private final Pane canvas = new Pane();
    private final Group edgeLayer = new Group();
    private final Label banner = new Label();
    private final GraphLegend legend = new GraphLegend();
    private final Map<String, StageNodeView> nodes = new LinkedHashMap<>();
    private final List<StageNodeView> byIndex = new ArrayList<>();
    private final Map<String, Region> externals = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    private final Map<String, Point2D> placed = new HashMap<>();
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>(this, "selectedStage");
    private final GraphInteraction interaction;
    private StageGraph graph;
    private int target = -1;
    private Consumer<GraphGesture> onGesture = g -> { };
    private boolean fitPending;
    /** The smallest zoom a newly opened graph starts at: below it, names are hard to read. */
    private static final double READABLE_SCALE = 0.6;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("/dev/stagecraft/ui/graph/graph.css").toExternalForm());
        canvas.getStyleClass().add("graph-canvas");
        canvas.getChildren().add(edgeLayer);
        canvas.setManaged(false);
        banner.getStyleClass().add("graph-banner");
        banner.setVisible(false);
        banner.setManaged(false);
        getChildren().addAll(canvas, legend, banner);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        interaction = new GraphInteraction(this, canvas);
        selected.addListener((o, a, b) -> byIndex.forEach(n -> n.setSelected(b != null && n.stage().index() == b)));
        widthProperty().addListener((o, a, b) -> {
            if (a.doubleValue() < 50 && graph != null) {
                fitPending = true;
            }
        });
    }

    @Override
    protected void layoutChildren() {
        legend.autosize();
        legend.relocate(8, getHeight() - legend.getHeight() - 8);
        banner.autosize();
        banner.relocate(8, 8);
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            interaction.fit(allRegions(), READABLE_SCALE);
        }
    }

    /** Shows {@code g}, keeping every node whose stage is still there where it was. */
    public void setGraph(StageGraph g) {
        StageGraph previous = graph;
        graph = g;
        target = g.target();
        List<StageNodeView> reuse = match(g);
        nodes.clear();
        byIndex.clear();
        List<StageNodeView> fresh = new ArrayList<>();
        for (Stage s : g.stages()) {
            StageNodeView view = reuse.get(s.index());
            String key = key(s);
            if (view == null || !view.key().equals(key)) {
                StageNodeView renewed = new StageNodeView(key);
                if (view != null) {
                    renewed.relocate(view.getLayoutX(), view.getLayoutY());
                    canvas.getChildren().remove(view);
                    Point2D old = placed.remove(view.key());
                    if (old != null) {
                        placed.put(key, old);
                    }
                } else if (placed.containsKey(key)) {
                    Point2D p = placed.get(key);
                    renewed.relocate(p.getX(), p.getY());
                } else {
                    fresh.add(renewed);
                }
                interaction.attach(renewed);
                canvas.getChildren().add(renewed);
                view = renewed;
            }
            view.show(s, s.index() == target, g.isNeeded(s.index()));
            nodes.put(key, view);
            byIndex.add(view);
        }
        canvas.getChildren().removeIf(n -> n instanceof StageNodeView v && !nodes.containsValue(v));
        boolean newExternal = rebuildExternals(g);
        if (!fresh.isEmpty() || newExternal) {
            place(fresh, previous == null);
        }
        rebuildEdges(g);
        Integer sel = selected.get();
        if (sel != null && sel >= g.stages().size()) {
            selected.set(null);
        } else {
            byIndex.forEach(n -> n.setSelected(sel != null && n.stage().index() == sel));
        }
        if (previous == null) {
            fitPending = true;
            requestLayout();
        }
    }

    /** Old views by new stage index: same key first, then the same place in the file (a rename). */
    private List<StageNodeView> match(StageGraph g) {
        List<StageNodeView> out = new ArrayList<>();
        List<StageNodeView> unused = new ArrayList<>(byIndex);
        for (Stage s : g.stages()) {
            StageNodeView v = nodes.get(key(s));
            out.add(v);
            unused.remove(v);
        }
        for (Stage s : g.stages()) {
            if (out.get(s.index()) == null && s.index() < byIndex.size() && unused.contains(byIndex.get(s.index()))) {
                out.set(s.index(), byIndex.get(s.index()));
                unused.remove(byIndex.get(s.index()));
            }
        }
        return out;
    }

    /** Keeps one node per external image; true if a new one needs a place. */
    private boolean rebuildExternals(StageGraph g) {
        boolean added = false;
        Map<String, Region> keep = new LinkedHashMap<>();
        for (ExternalImage x : g.external()) {
            Region r = externals.get(x.image());
            if (r == null) {
                Label l = new Label(x.image());
                l.getStyleClass().add("external-node");
                l.setPrefSize(170, 30);
                l.setMinSize(170, 30);
                l.setMaxSize(170, 30);
                r = l;
                canvas.getChildren().add(r);
                added = true;
            }
            keep.put(x.image(), r);
        }
        externals.values().stream().filter(r -> !keep.containsValue(r)).forEach(canvas.getChildren()::remove);
        externals.clear();
        externals.putAll(keep);
        return added;
    }

    /** Lays out the whole graph and puts the new nodes where ELK says, nudged off existing ones. */
    private void place(List<StageNodeView> fresh, boolean all) {
        List<StageLayout.Box> boxes = new ArrayList<>();
        byIndex.forEach(v -> boxes.add(new StageLayout.Box(v.key(), StageNodeView.WIDTH, StageNodeView.HEIGHT)));
        externals.forEach((image, r) -> boxes.add(new StageLayout.Box("image:" + image, 170, 30)));
        List<StageLayout.Link> links = new ArrayList<>();
        for (StageEdge e : graph.edges()) {
            links.add(new StageLayout.Link(byIndex.get(e.from()).key(), byIndex.get(e.to()).key()));
        }
        for (ExternalImage x : graph.external()) {
            links.add(new StageLayout.Link("image:" + x.image(), byIndex.get(x.to()).key()));
        }
        Map<String, StageLayout.Point> at = StageLayout.layout(boxes, links);
        List<Region> settled = new ArrayList<>();
        for (StageNodeView v : byIndex) {
            if (!fresh.contains(v)) {
                settled.add(v);
            }
        }
        for (StageNodeView v : byIndex) {
            if (fresh.contains(v)) {
                StageLayout.Point p = at.get(v.key());
                v.relocate(p.x(), p.y());
                if (!all) {
                    nudge(v, settled);
                }
                settled.add(v);
            }
        }
        externals.forEach((image, r) -> {
            if (r.getLayoutX() == 0 && r.getLayoutY() == 0) {
                StageLayout.Point p = at.get("image:" + image);
                r.relocate(p.x(), p.y());
                nudge(r, settled);
            }
            settled.add(r);
        });
    }

    private static void nudge(Region v, List<Region> settled) {
        boolean moved = true;
        for (int guard = 0; moved && guard < 200; guard++) {
            moved = false;
            for (Region o : settled) {
                if (o != v && v.getLayoutX() < o.getLayoutX() + o.getPrefWidth() + 10
                        && o.getLayoutX() < v.getLayoutX() + v.getPrefWidth() + 10
                        && v.getLayoutY() < o.getLayoutY() + o.getPrefHeight() + 10
                        && o.getLayoutY() < v.getLayoutY() + v.getPrefHeight() + 10) {
                    v.relocate(v.getLayoutX(), o.getLayoutY() + o.getPrefHeight() + 14);
                    moved = true;
                }
            }
        }
    }

    private void rebuildEdges(StageGraph g) {
        edges.clear();
        for (StageEdge e : g.edges()) {
            String text = switch (e.kind()) {
                case BASE -> "";
                case COPY -> e.label();
                case MOUNT -> e.label() == null ? "mount" : "mount " + e.label();
            };
            edges.add(new EdgeView(byIndex.get(e.from()), byIndex.get(e.to()), e.kind(), text));
        }
        for (ExternalImage x : g.external()) {
            edges.add(new EdgeView(externals.get(x.image()), byIndex.get(x.to()), x.kind(), x.label()));
        }
        edgeLayer.getChildren().setAll(edges);
    }

    static String key(Stage s) {
        return s.name() != null ? s.name() : "#" + s.index();
    }

    // ---- what the window uses -------------------------------------------------------------

    public StageGraph graph() {
        return graph;
    }

    public void setOnGesture(Consumer<GraphGesture> handler) {
        onGesture = handler == null ? g -> { } : handler;
    }

    void fire(GraphGesture gesture) {
        onGesture.accept(gesture);
    }

    public ReadOnlyObjectProperty<Integer> selectedStageProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(Integer stage) {
        selected.set(stage != null && graph != null && stage >= 0 && stage < graph.stages().size() ? stage : null);
    }

    /** Where each stage's node is, keyed by stage name, else {@code #index}. */
    public Map<String, Point2D> positions() {
        Map<String, Point2D> out = new LinkedHashMap<>();
        byIndex.forEach(v -> out.put(v.key(), new Point2D(v.getLayoutX(), v.getLayoutY())));
        return out;
    }

    /** Places nodes as saved (from the sidecar); stages without a saved place keep theirs. */
    public void setPositions(Map<String, Point2D> positions) {
        placed.putAll(positions);
        positions.forEach((key, p) -> {
            StageNodeView v = nodes.get(key);
            if (v != null) {
                v.relocate(p.getX(), p.getY());
            }
        });
    }

    void userPlaced(StageNodeView v) {
        placed.put(v.key(), new Point2D(v.getLayoutX(), v.getLayoutY()));
    }

    /** The emphasised target (by default the graph's own). */
    public void setTarget(int stage) {
        target = stage;
        if (graph != null && stage >= 0 && stage < graph.stages().size()) {
            StageGraph g = graph.with(graph.options().withTarget(Integer.toString(stage)));
            byIndex.forEach(v -> v.show(g.stages().get(v.stage().index()), v.stage().index() == stage,
                    g.isNeeded(v.stage().index())));
        }
    }

    /** Marks where the text is broken (a badge on a stage, or a banner); nulls clear it. */
    public void setProblem(Integer stage, String message) {
        byIndex.forEach(v -> {
            if ("problem".equals(v.getProperties().get("badge"))) {
                v.setBadge(null, null);
                v.getProperties().remove("badge");
            }
        });
        banner.setVisible(message != null && (stage == null || stage >= byIndex.size()));
        banner.setText(message);
        if (message != null && stage != null && stage < byIndex.size()) {
            StageNodeView v = byIndex.get(stage);
            v.setBadge("⚠ error", "problem");
            v.getProperties().put("badge", "problem");
        }
        requestLayout();
    }

    /** A build state on a stage's node: "running", "cached", "done", "failed", or null. */
    public void setStageState(int stage, String state) {
        if (stage >= 0 && stage < byIndex.size()) {
            byIndex.get(stage).setState(state);
        }
    }

    /** A badge on a stage's node, such as its image size; null hides it. */
    public void setStageBadge(int stage, String text) {
        if (stage >= 0 && stage < byIndex.size()) {
            byIndex.get(stage).setBadge(text, "size");
        }
    }

    /** Extra text on the COPY edges of {@code to} made at {@code line}, such as the bytes they carried. */
    public void setCopyDetail(int to, int line, String detail) {
        if (graph == null) {
            return;
        }
        for (int i = 0; i < graph.edges().size(); i++) {
            StageEdge e = graph.edges().get(i);
            if (e.to() == to && e.line() == line) {
                edges.get(i).setDetail(detail);
            }
        }
    }

    public void zoomIn() {
        interaction.zoomBy(1.2, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        interaction.zoomBy(1 / 1.2, getWidth() / 2, getHeight() / 2);
    }

    public void fit() {
        interaction.fit(allRegions());
    }

    public double zoom() {
        return interaction.scale();
    }

    public void exportPng(Path file) throws IOException {
        GraphExport.png(canvas, file);
    }

    public void exportSvg(Path file) throws IOException {
        GraphExport.svg(this, file);
    }

    // ---- for export, interaction and tests ---------------------------------------------------

    List<Region> allRegions() {
        List<Region> all = new ArrayList<>(byIndex);
        all.addAll(externals.values());
        return all;
    }

    List<StageNodeView> stageNodes() {
        return byIndex;
    }

    Map<String, Region> externalNodes() {
        return externals;
    }

    List<EdgeView> edgeViews() {
        return edges;
    }

    /** The stage node under a point in canvas coordinates, if any. */
    StageNodeView nodeAt(double x, double y) {
        for (StageNodeView v : byIndex) {
            if (x >= v.getLayoutX() && x <= v.getLayoutX() + StageNodeView.WIDTH
                    && y >= v.getLayoutY() && y <= v.getLayoutY() + StageNodeView.HEIGHT) {
                return v;
            }
        }
        return null;
    }

    /** How many stage nodes are shown. */
    public int nodeCount() {
        return byIndex.size();
    }

    /** How many external image nodes are shown. */
    public int externalCount() {
        return externals.size();
    }
}
