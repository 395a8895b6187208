package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The stage graph pane: one node per stage, small nodes for external images, edges by kind, the
 * target emphasised and unneeded stages dimmed, ELK layout for stages without a place, dragging,
 * panning, zooming, connecting and per-node menus that become {@link GraphGesture}s for the
 * window to turn into text edits. Nodes keep their place across {@link #setGraph} calls by stage
 * identity. FX thread only.
 */
public final class GraphView extends Region {
    /** The smallest zoom a newly opened graph starts at: below it, names are hard to read. */
    private static final double READABLE_SCALE = 0.6;

    private final GraphCanvas canvas;
    private final Label banner = new Label();
    private final GraphLegend legend = new GraphLegend();
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>(this, "selectedStage");
    private final GraphInteraction interaction;
    private Integer problemStage;
    private int target = -1;
    /** The stage {@link #setTarget} emphasised instead of the graph's own, kept while the graph's own stays. */
    private StageNodeView chosenTarget;
    private StageNodeView graphTarget;
    private Consumer<GraphGesture> onGesture = g -> { };
    private boolean fitPending;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("/dev/stagecraft/ui/graph/graph.css").toExternalForm());
        GraphInteraction[] wiring = new GraphInteraction[1];
        canvas = new GraphCanvas(node -> wiring[0].attach(node), image -> wiring[0].attachImage(image));
        banner.getStyleClass().add("graph-banner");
        banner.setVisible(false);
        banner.setManaged(false);
        getChildren().addAll(canvas, legend, banner);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        interaction = new GraphInteraction(this, canvas);
        wiring[0] = interaction;
        selected.addListener((o, a, b) -> showSelection());
        // until the user pans or zooms, the automatic fit follows the pane's size (the window
        // and its dividers settle after the first graph arrives)
        widthProperty().addListener((o, a, b) -> refitUntouched());
        heightProperty().addListener((o, a, b) -> refitUntouched());
    }

    @Override
    protected void layoutChildren() {
        legend.autosize();
        legend.relocate(8, getHeight() - legend.getHeight() - 8);
        banner.autosize();
        banner.relocate(8, 8);
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            interaction.fit(canvas.allNodes(), READABLE_SCALE, legendInset());
        }
    }

    private void refitUntouched() {
        if (canvas.graph() != null && !interaction.touched()) {
            fitPending = true;
            requestLayout();
        }
    }

    /** Room below the graph for the legend in the bottom-left corner. */
    private double legendInset() {
        return legend.isVisible() ? legend.getHeight() + 8 : 0;
    }

    /**
     * Shows {@code g}: nodes of stages still there stay where they are (matched by name, else by
     * place in the file), new ones get a laid-out place. The target is {@code g}'s, unless
     * {@link #setTarget} chose another stage and {@code g}'s own target is the same stage as before.
     */
    public void setGraph(StageGraph g) {
        boolean first = canvas.graph() == null;
        Integer sel = selected.get();
        StageNodeView selectedNode = sel == null ? null : canvas.stageNodes().get(sel);
        StageNodeView previousGraphTarget = graphTarget;
        boolean arranged = canvas.show(g);
        List<StageNodeView> nodes = canvas.stageNodes();
        graphTarget = g.target() >= 0 ? nodes.get(g.target()) : null;
        target = g.target();
        if (chosenTarget != null && nodes.contains(chosenTarget) && graphTarget == previousGraphTarget) {
            emphasise(nodes.indexOf(chosenTarget));
        } else {
            chosenTarget = null;
        }
        int now = canvas.stageNodes().indexOf(selectedNode); // the same stage stays selected, wherever it moved
        selected.set(now < 0 ? null : now);
        showSelection();
        showProblem();
        if (first || arranged) {
            fitPending = true;
            requestLayout();
        }
    }

    /** The graph shown, or null before the first {@link #setGraph}. */
    public StageGraph graph() {
        return canvas.graph();
    }

    /** Receives every gesture (menus, double-click, connect drags); null ignores them. */
    public void setOnGesture(Consumer<GraphGesture> handler) {
        onGesture = handler == null ? g -> { } : handler;
    }

    void fire(GraphGesture gesture) {
        onGesture.accept(gesture);
    }

    /**
     * The selected stage's index, or null; changed by clicks and {@link #select}, and by
     * {@link #setGraph} when the selected stage moved in the file or went away.
     */
    public ReadOnlyObjectProperty<Integer> selectedStageProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects a stage (null, or an index the graph does not have, clears the selection). */
    public void select(Integer stage) {
        StageGraph g = canvas.graph();
        selected.set(stage != null && g != null && stage >= 0 && stage < g.stages().size() ? stage : null);
    }

    private void showSelection() {
        Integer sel = selected.get();
        List<StageNodeView> nodes = canvas.stageNodes();
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).setSelected(sel != null && sel == i);
        }
    }

    /** Where each stage's node is, keyed by stage name, else {@code #index}. */
    public Map<String, Point2D> positions() {
        return canvas.positions();
    }

    /** Places nodes as saved (from the sidecar); these win over the layout, now and for stages yet to come. */
    public void setPositions(Map<String, Point2D> positions) {
        canvas.setPositions(positions);
    }

    /** Lays the whole graph out again with ELK, dropping the places the user chose. */
    public void arrange() {
        if (canvas.graph() != null) {
            canvas.arrange();
            fit();
        }
    }

    /**
     * Emphasises {@code stage} as the final image and dims what it does not need (by default the
     * graph's own target); it stays through re-parses as long as the graph's own target does.
     */
    public void setTarget(int stage) {
        StageGraph g = canvas.graph();
        if (g != null && stage >= 0 && stage < g.stages().size()) {
            chosenTarget = stage == g.target() ? null : canvas.stageNodes().get(stage);
            emphasise(stage);
        }
    }

    private void emphasise(int stage) {
        StageGraph g = canvas.graph();
        target = stage;
        canvas.emphasise(stage == g.target() ? g : g.with(g.options().withTarget(Integer.toString(stage))));
    }

    /** The emphasised target's index, or -1 before the first graph. */
    public int target() {
        return target;
    }

    /**
     * Marks where the text is broken while the last good graph stays shown: a badge on the stage's
     * node, or a banner when {@code stage} is null (or not in the graph). Nulls clear it.
     */
    public void setProblem(Integer stage, String message) {
        problemStage = message == null ? null : stage;
        banner.setText(message);
        banner.setVisible(message != null && (stage == null || stage >= canvas.stageNodes().size()));
        showProblem();
        requestLayout();
    }

    private void showProblem() {
        List<StageNodeView> nodes = canvas.stageNodes();
        for (int i = 0; i < nodes.size(); i++) {
            StageNodeView v = nodes.get(i);
            boolean here = problemStage != null && problemStage == i;
            if (here) {
                v.setBadge("⚠ error", "problem");
            } else if (v.hasBadge("problem")) {
                v.setBadge(null, null);
            }
        }
    }

    /** A build state on a stage's node: "running", "cached", "done", "failed", or null (a {@code state-*} class). */
    public void setStageState(int stage, String state) {
        if (stage >= 0 && stage < canvas.stageNodes().size()) {
            canvas.stageNodes().get(stage).setState(state);
            legend.showBuildStates(canvas.stageNodes().stream().anyMatch(StageNodeView::hasState));
        }
    }

    /** Whether the legend explains build states (some node shows one). */
    boolean legendShowsBuildStates() {
        return legend.showsBuildStates();
    }

    /** A badge on a stage's node, such as its image size; null hides it. */
    public void setStageBadge(int stage, String text) {
        if (stage >= 0 && stage < canvas.stageNodes().size()) {
            canvas.stageNodes().get(stage).setBadge(text, "size");
        }
    }

    /** Extra text on the COPY edges into {@code to} made at {@code line}, such as the bytes they carried. */
    public void setCopyDetail(int to, int line, String detail) {
        StageGraph g = canvas.graph();
        if (g == null) {
            return;
        }
        for (int i = 0; i < g.edges().size(); i++) {
            StageEdge e = g.edges().get(i);
            if (e.to() == to && e.line() == line) {
                canvas.edgeViews().get(i).setDetail(detail);
            }
        }
    }

    /** Zooms in one step (×1.2) about the pane's centre. */
    public void zoomIn() {
        interaction.zoomBy(1.2, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms out one step (÷1.2) about the pane's centre. */
    public void zoomOut() {
        interaction.zoomBy(1 / 1.2, getWidth() / 2, getHeight() / 2);
    }

    /** Scales and pans so the whole graph is in view (never above 1:1). */
    public void fit() {
        interaction.fit(canvas.allNodes(), legendInset());
    }

    /**
     * Where the user left the view: {zoom, panX, panY}, or null while the view is the automatic
     * fit (a document reopened then fits again to its pane instead of restoring a stale view).
     */
    public double[] viewport() {
        if (!interaction.touched()) {
            return null;
        }
        Point2D p = interaction.panOffset();
        return new double[] {interaction.scale(), p.getX(), p.getY()};
    }

    /** Restores a view {@link #viewport} gave; it stays through pane resizes as the user's own. */
    public void setViewport(double zoom, double panX, double panY) {
        fitPending = false;
        interaction.restore(zoom, panX, panY);
    }

    /** The current zoom factor (1 is 1:1). */
    public double zoom() {
        return interaction.scale();
    }

    /** Writes the whole graph, not just what is in view, as a PNG at twice the screen resolution. */
    public void exportPng(Path file) throws IOException {
        GraphExport.png(canvas, getBackground(), file);
    }

    /** Writes the whole graph as SVG: node boxes and texts, edge paths with their dash styles and arrowheads. */
    public void exportSvg(Path file) throws IOException {
        GraphExport.svg(canvas, file);
    }

    /** How many stage nodes are shown. */
    public int nodeCount() {
        return canvas.stageNodes().size();
    }

    /** How many external image nodes are shown. */
    public int externalCount() {
        return canvas.externalNodes().size();
    }

    GraphCanvas canvas() {
        return canvas;
    }
}
