package dev.stagecraft.ui.graph;

import dev.stagecraft.diagram.GraphDiagrams;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The stage graph pane: one node per stage, small nodes for external images, edges by kind, the
 * target emphasised and unneeded stages dimmed, ELK layout for stages without a place, dragging,
 * panning, zooming, connecting, keyboard navigation, Find Stage, focus modes, a minimap while
 * not all is in view, a collapsible legend below the graph, and per-node menus that become
 * {@link GraphGesture}s for the window to turn into text edits. It opens fitted and centred, or,
 * where fitting would make names unreadable, at the smallest readable zoom around the target: the
 * target in the middle, unless that would show empty canvas beyond the graph's edge, where the
 * view ends at the edge instead (more of the graph in view, the target still in it).
 * Zoomed out, nodes are compact (names only) and edge labels show on hover. Nodes keep their place
 * across {@link #setGraph} calls by stage identity. FX thread only.
 */
public final class GraphView extends Region {
    /** The smallest zoom a graph opens at: compact names are then 10 px on screen. */
    static final double READABLE_ZOOM = 10 / StageNodeView.COMPACT_FONT;
    /** Below this zoom nodes are compact: the full node's small text would be under 10 px. */
    static final double FULL_ZOOM = 0.75;

    private final GraphCanvas canvas;
    private final Pane viewport = new Pane();
    private final Rectangle viewportClip = new Rectangle();
    private final Label banner = new Label();
    private final GraphLegend legend = new GraphLegend();
    private final GraphMinimap minimap;
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>(this, "selectedStage");
    private final GraphInteraction interaction;
    private final GraphKeys keys;
    private Integer problemStage;
    private int target = -1;
    /** The stage {@link #setTarget} emphasised instead of the graph's own, kept while the graph's own stays. */
    private StageNodeView chosenTarget;
    private StageNodeView graphTarget;
    private Consumer<GraphGesture> onGesture = g -> { };
    private boolean fitPending;
    private GraphFocus focus = GraphFocus.ALL;
    /** The stage "Focus on selection" is about (the selection when it was chosen). */
    private StageNodeView focusAnchor;
    private boolean imagesCollapsed;
    private boolean minimapDirty = true;
    private Bounds minimapContent;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("/dev/stagecraft/ui/graph/graph.css").toExternalForm());
        setFocusTraversable(true);
        GraphInteraction[] wiring = new GraphInteraction[1];
        canvas = new GraphCanvas(node -> wiring[0].attach(node), image -> wiring[0].attachImage(image));
        viewport.getChildren().add(canvas);
        viewport.setClip(viewportClip);
        viewport.getStyleClass().add("graph-viewport");
        banner.getStyleClass().add("graph-banner");
        banner.setVisible(false);
        banner.setManaged(false);
        minimap = new GraphMinimap(this::centreOn);
        minimap.setVisible(false);
        interaction = new GraphInteraction(this, canvas);
        wiring[0] = interaction;
        keys = new GraphKeys(this, canvas);
        getChildren().addAll(viewport, legend, minimap, banner, keys.findBar());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        selected.addListener((o, a, b) -> showSelection());
        // until the user pans or zooms, the automatic fit follows the pane's size (the window
        // and its dividers settle after the first graph arrives)
        widthProperty().addListener((o, a, b) -> refitUntouched());
        heightProperty().addListener((o, a, b) -> refitUntouched());
        interaction.scaleProperty().addListener((o, a, b) -> viewChanged());
        interaction.panTransform().xProperty().addListener((o, a, b) -> viewChanged());
        interaction.panTransform().yProperty().addListener((o, a, b) -> viewChanged());
        legend.toggle().setOnAction(e -> setLegendCollapsed(!legend.collapsed()));
        minimap.toggle().setOnAction(e -> setOverviewCollapsed(!minimap.collapsed()));
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, this::copyEdgeClicked);
    }

    /** A click on a COPY --from edge (its line or its label) fires {@link GraphGesture.OpenCopy}. */
    private void copyEdgeClicked(javafx.scene.input.MouseEvent e) {
        if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        javafx.scene.Node n = e.getTarget() instanceof javafx.scene.Node t ? t : null;
        while (n != null && n != this && !(n instanceof EdgeView)) {
            n = n.getParent();
        }
        StageGraph g = canvas.graph();
        if (!(n instanceof EdgeView edge) || edge.kind() != dev.stagecraft.dockerfile.model.EdgeKind.COPY
                || g == null || edge.plan() == null || edge.plan().edges().isEmpty()) {
            return;
        }
        int index = edge.plan().edges().get(0);
        if (index < g.edges().size()) {
            StageEdge se = g.edges().get(index);
            e.consume();
            fire(new GraphGesture.OpenCopy(se.from(), se.to(), se.line()));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double lh = legend.prefHeight(w);
        legend.resizeRelocate(0, getHeight() - lh, w, lh);
        viewport.resizeRelocate(0, 0, w, areaHeight());
        viewportClip.setWidth(w);
        viewportClip.setHeight(areaHeight());
        banner.autosize();
        Region find = keys.findBar();
        find.autosize();
        find.relocate(8, 8);
        banner.relocate(8, find.isVisible() ? 16 + find.getHeight() : 8);
        if (fitPending && w > 0 && areaHeight() > 0) {
            fitPending = false;
            autoFit();
        }
        updateMinimap();
    }

    /** The height of the graph's area: the pane above the legend. */
    double areaHeight() {
        return Math.max(0, getHeight() - legend.prefHeight(getWidth()));
    }

    private void refitUntouched() {
        if (canvas.graph() != null && !interaction.touched()) {
            fitPending = true;
            requestLayout();
        }
    }

    /**
     * Whether fitting {@code content} (graph coordinates) will show it compact: what
     * {@link #autoFit} will do at the next layout, told before the new nodes are styled. Before
     * the pane's first layout its size is its host's (the pane fills it), less a legend's height.
     */
    private boolean compactWhenFitted(Bounds content) {
        double w = getWidth();
        double h = areaHeight();
        if (w <= 0 || getHeight() <= 0) {
            javafx.scene.Parent host = getParent();
            if (host instanceof Region r) {
                w = r.getWidth();
                h = r.getHeight() - LEGEND_GUESS;
            } else if (host == null && getScene() != null) {
                w = getScene().getWidth();
                h = getScene().getHeight() - LEGEND_GUESS;
            }
        }
        if (w <= 0 || h <= 0) {
            return canvas.compact();
        }
        return GraphInteraction.fitScale(content, w, h, READABLE_ZOOM) < FULL_ZOOM - 1e-9;
    }

    /** About the legend's height below a default-sized pane, for {@link #compactWhenFitted} before it is styled. */
    private static final double LEGEND_GUESS = 44;

    /** Fits and centres the shown graph, or the smallest readable zoom around the target ({@link GraphInteraction#fit}). */
    private void autoFit() {
        StageNodeView t = target >= 0 && target < canvas.stageNodes().size() ? canvas.stageNodes().get(target) : null;
        Point2D centre = t != null && t.isVisible()
                ? new Point2D(t.getLayoutX() + t.getPrefWidth() / 2, t.getLayoutY() + StageNodeView.HEIGHT / 2) : null;
        // the minimap sits in the top right corner: a view that ends at the graph's top edge leaves it that room
        interaction.fit(canvas.shownBounds(), getWidth(), areaHeight(), READABLE_ZOOM, centre, overviewReserve());
        viewChanged();
    }

    private void viewChanged() {
        double s = interaction.scale();
        Bounds view = viewBounds();
        canvas.cull(view);
        canvas.setCompact(s < FULL_ZOOM - 1e-9, view);
        requestLayout();
    }

    /** What part of the graph is in view (graph coordinates). */
    Bounds viewBounds() {
        double s = interaction.scale();
        Point2D p = interaction.panOffset();
        return new BoundingBox(-p.getX() / s, -p.getY() / s, getWidth() / s, areaHeight() / s);
    }

    /** Whether every shown node is in view. */
    boolean allInView() {
        Bounds content = canvas.shownBounds();
        Bounds view = viewBounds();
        return content == null || view.getMinX() <= content.getMinX() + 0.5 && view.getMinY() <= content.getMinY() + 0.5
                && view.getMaxX() >= content.getMaxX() - 0.5 && view.getMaxY() >= content.getMaxY() - 0.5;
    }

    private void updateMinimap() {
        boolean show = canvas.graph() != null && !allInView() && getWidth() > 3 * GraphMinimap.MAX_WIDTH / 2;
        minimap.setVisible(show);
        if (!show) {
            return;
        }
        Bounds content = canvas.shownBounds();
        if (minimapDirty || !content.equals(minimapContent)) {
            minimapDirty = false;
            minimapContent = content;
            StageNodeView t = target >= 0 && target < canvas.stageNodes().size() ? canvas.stageNodes().get(target) : null;
            Integer sel = selected.get();
            StageNodeView s = sel == null ? null : canvas.stageNodes().get(sel);
            minimap.draw(content, canvas.shownNodes(), java.util.Arrays.asList(t, s));
        }
        minimap.autosize();
        minimap.relocate(getWidth() - minimap.getWidth() - 8, 8);
        minimap.showView(viewBounds());
    }

    /** Moves the view so graph point {@code p} is in the middle of the graph's area. */
    void centreOn(Point2D p) {
        interaction.centre(p, getWidth() / 2, areaHeight() / 2);
    }

    /** Some node moved (a drag): the minimap redraws. */
    void nodesMoved() {
        minimapDirty = true;
        requestLayout();
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
        canvas.setCompact(interaction.scale() < FULL_ZOOM - 1e-9, viewBounds());
        boolean arranged = canvas.show(g, this::compactWhenFitted);
        List<StageNodeView> nodes = canvas.stageNodes();
        graphTarget = g.target() >= 0 ? nodes.get(g.target()) : null;
        target = g.target();
        if (chosenTarget != null && nodes.contains(chosenTarget) && graphTarget == previousGraphTarget) {
            emphasise(nodes.indexOf(chosenTarget));
        } else {
            chosenTarget = null;
        }
        int now = nodes.indexOf(selectedNode); // the same stage stays selected, wherever it moved
        selected.set(now < 0 ? null : now);
        if (focus != GraphFocus.ALL) {
            applyFocus(); // the focus follows the new text
        }
        canvas.cull(viewBounds());
        showSelection();
        showProblem();
        minimapDirty = true;
        if (first || arranged) {
            fitPending = true;
        }
        requestLayout();
    }

    /** The graph shown, or null before the first {@link #setGraph}. */
    public StageGraph graph() {
        return canvas.graph();
    }

    /** Receives every gesture (menus, double-click, connect drags, keys); null ignores them. */
    public void setOnGesture(Consumer<GraphGesture> handler) {
        onGesture = handler == null ? g -> { } : handler;
    }

    void fire(GraphGesture gesture) {
        onGesture.accept(gesture);
    }

    /**
     * The selected stage's index, or null; changed by clicks, keys, Find Stage and {@link #select},
     * and by {@link #setGraph} when the selected stage moved in the file or went away.
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
        minimapDirty = true;
        requestLayout();
    }

    /** What the arrow keys select first: the target, else the first shown stage. */
    Integer defaultSelection() {
        List<StageNodeView> nodes = canvas.stageNodes();
        if (target >= 0 && target < nodes.size() && nodes.get(target).isVisible()) {
            return target;
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isVisible()) {
                return i;
            }
        }
        return null;
    }

    /** Pans so stage {@code stage}'s node is in view (centred), unless it is in view already. */
    public void reveal(int stage) {
        if (stage < 0 || stage >= canvas.stageNodes().size()) {
            return;
        }
        StageNodeView v = canvas.stageNodes().get(stage);
        Bounds view = viewBounds();
        Bounds box = new BoundingBox(v.getLayoutX(), v.getLayoutY(), v.getPrefWidth(), StageNodeView.HEIGHT);
        if (!view.contains(box)) {
            interaction.centre(new Point2D(box.getCenterX(), box.getCenterY()), getWidth() / 2, areaHeight() / 2);
        }
    }

    /**
     * Find Stage: selects and reveals the best stage for {@code query} (a name, part of one, a base
     * image, or {@code #index}) and returns its index, or null when none matches.
     */
    public Integer findStage(String query) {
        List<Integer> found = StageSearch.matches(canvas.graph(), query);
        if (found.isEmpty()) {
            return null;
        }
        int best = found.stream().filter(i -> canvas.stageNodes().get(i).isVisible()).findFirst().orElse(found.get(0));
        if (!canvas.stageNodes().get(best).isVisible()) {
            setFocus(GraphFocus.ALL); // a stage the focus hides: show everything rather than find nothing
        }
        select(best);
        reveal(best);
        return best;
    }

    /** Opens the Find Stage field over the graph (Ctrl+K, or typing on the graph, does too). */
    public void showFindStage() {
        keys.openFind("");
    }

    /** Opens the selected stage's context menu (the keyboard's way to every stage gesture). */
    void showStageMenu(int stage) {
        if (stage >= 0 && stage < canvas.stageNodes().size()) {
            reveal(stage);
            interaction.showMenu(canvas.stageNodes().get(stage));
        }
    }

    // ---- focus -------------------------------------------------------------------------------

    /**
     * Shows all stages, only what the target needs, or the selected stage (now) with what it
     * depends on and what depends on it; the shown part is laid out and fitted on its own.
     */
    public void setFocus(GraphFocus focus) {
        this.focus = focus == null ? GraphFocus.ALL : focus;
        Integer sel = selected.get();
        focusAnchor = this.focus == GraphFocus.SELECTION && sel != null ? canvas.stageNodes().get(sel) : null;
        applyFocus();
        fitPending = true;
        requestLayout();
    }

    public GraphFocus focus() {
        return focus;
    }

    /** Collapses external images into the stages that use them (a count on the node), or shows them as nodes. */
    public void setImagesCollapsed(boolean collapsed) {
        imagesCollapsed = collapsed;
        applyFocus();
        fitPending = true;
        requestLayout();
    }

    public boolean imagesCollapsed() {
        return imagesCollapsed;
    }

    private void applyFocus() {
        StageGraph g = canvas.graph();
        if (g == null) {
            return;
        }
        int anchor = focusAnchor == null ? -1 : canvas.stageNodes().indexOf(focusAnchor);
        BitSet shown = focus == GraphFocus.ALL ? null : focus.shown(g, target, anchor < 0 ? null : anchor);
        canvas.setFocus(shown, !imagesCollapsed);
        canvas.recull();
        canvas.cull(viewBounds());
        Integer sel = selected.get();
        if (sel != null && !canvas.stageNodes().get(sel).isVisible()) {
            selected.set(null);
        }
        minimapDirty = true;
    }

    /** The indexes of the stages shown now. */
    public List<Integer> shownStages() {
        List<StageNodeView> nodes = canvas.stageNodes();
        return java.util.stream.IntStream.range(0, nodes.size()).filter(i -> nodes.get(i).isVisible()).boxed().toList();
    }

    // ---- positions, target, problems, build states ---------------------------------------------

    /** Where each stage's node is in the whole graph (not a focus's), keyed by stage name, else {@code #index}. */
    public Map<String, Point2D> positions() {
        return canvas.positions();
    }

    /** Places nodes as saved (from the sidecar); these win over the layout, now and for stages yet to come. */
    public void setPositions(Map<String, Point2D> positions) {
        canvas.setPositions(positions);
        canvas.recull();
        canvas.cull(viewBounds());
        minimapDirty = true;
        requestLayout();
    }

    /** Lays the whole graph out again with ELK, dropping the places the user chose. */
    public void arrange() {
        if (canvas.graph() != null) {
            canvas.arrange();
            canvas.recull();
            minimapDirty = true;
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
            if (focus == GraphFocus.TARGET) {
                applyFocus();
                fitPending = true;
                requestLayout();
            }
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
            requestLayout();
        }
    }

    /** Whether the legend explains build states (some node shows one). */
    boolean legendShowsBuildStates() {
        return legend.showsBuildStates();
    }

    /** A badge on a stage's node, such as its image size; null hides it. The node grows to fit it. */
    public void setStageBadge(int stage, String text) {
        if (stage >= 0 && stage < canvas.stageNodes().size()) {
            canvas.stageNodes().get(stage).setBadge(text, "size");
        }
    }

    /**
     * The findings badge of a stage's node: {@code count} lint findings, the worst being
     * {@code severity} ("error", "warning", "info", "style"), {@code tip} added to the node's
     * tooltip; 0 hides it. Separate from {@link #setStageBadge}'s size badge and the problem
     * badge; the node grows to fit it.
     */
    public void setStageFindings(int stage, int count, String severity, String tip) {
        if (stage >= 0 && stage < canvas.stageNodes().size()) {
            canvas.stageNodes().get(stage).setFindings(count, severity, tip);
        }
    }

    /** Extra text on the COPY edges into {@code to} made at {@code line}, such as the bytes they carried. */
    public void setCopyDetail(int to, int line, String detail) {
        StageGraph g = canvas.graph();
        if (g == null) {
            return;
        }
        for (EdgeView view : canvas.edgeViews()) {
            for (int i : view.plan().edges()) {
                StageEdge e = g.edges().get(i);
                if (e.to() == to && e.line() == line) {
                    view.setDetail(detail);
                }
            }
        }
    }

    // ---- legend --------------------------------------------------------------------------------

    /** Folds the legend below the graph to its toggle (the graph gets the room), or opens it. */
    public void setLegendCollapsed(boolean collapsed) {
        legend.setCollapsed(collapsed);
        refitUntouched();
        requestLayout();
    }

    public boolean legendCollapsed() {
        return legend.collapsed();
    }

    // ---- overview ------------------------------------------------------------------------------

    /** Folds the overview in the top right corner to its toggle, or opens it. */
    public void setOverviewCollapsed(boolean collapsed) {
        minimap.setCollapsed(collapsed);
        refitUntouched();
        requestLayout();
    }

    public boolean overviewCollapsed() {
        return minimap.collapsed();
    }

    /** The room above the graph that a view ending at the graph's top edge leaves for the overview. */
    double overviewReserve() {
        return (minimap.collapsed() ? 0 : GraphMinimap.MAX_HEIGHT) + GraphMinimap.TOGGLE_HEIGHT + 16;
    }

    // ---- zoom ----------------------------------------------------------------------------------

    /** Zooms in one step (×1.2) about the pane's centre. */
    public void zoomIn() {
        interaction.zoomBy(1.2, getWidth() / 2, areaHeight() / 2);
    }

    /** Zooms out one step (÷1.2) about the pane's centre. */
    public void zoomOut() {
        interaction.zoomBy(1 / 1.2, getWidth() / 2, areaHeight() / 2);
    }

    /** Scales and pans so the whole shown graph is in view, centred (never above 1:1). */
    public void fit() {
        interaction.fit(canvas.shownBounds(), getWidth(), areaHeight(), GraphInteraction.MIN_SCALE, null, 0);
        viewChanged();
    }

    /** Sets the zoom about the pane's centre (clamped to what the pane allows). */
    public void zoom(double zoom) {
        interaction.zoomBy(zoom / interaction.scale(), getWidth() / 2, areaHeight() / 2);
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

    // ---- export --------------------------------------------------------------------------------

    /** The shown graph and the legend as SVG text, in the theme's colours (the window writes it off the FX thread). */
    public String svgText() {
        return GraphExport.svgText(canvas);
    }

    /**
     * The shown graph, not just what is in view, and the legend, at twice the screen resolution
     * (for export and Copy as PNG; the window encodes and writes it off the FX thread).
     */
    public WritableImage image() {
        try {
            canvas.attachAll();
            return GraphExport.image(this, canvas, legend);
        } finally {
            canvas.cull(viewBounds());
        }
    }

    /** The shown stages and the edges among them as a Mermaid flowchart (for Copy as Mermaid). */
    public String mermaid() {
        StageGraph g = canvas.graph();
        if (g == null) {
            return "flowchart LR\n";
        }
        List<StageNodeView> nodes = canvas.stageNodes();
        return GraphDiagrams.mermaid(g, i -> nodes.get(i).isVisible(), !imagesCollapsed);
    }

    /** Copy as Mermaid: puts {@link #mermaid()} on the system clipboard as text. */
    public void copyMermaid() {
        ClipboardContent c = new ClipboardContent();
        c.putString(mermaid());
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Copy as PNG: puts {@link #image()} on the system clipboard. */
    public void copyImage() {
        ClipboardContent c = new ClipboardContent();
        c.putImage(image());
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** How many stage nodes the graph has (shown or hidden by a focus). */
    public int nodeCount() {
        return canvas.stageNodes().size();
    }

    /** How many external image nodes the graph has. */
    public int externalCount() {
        return canvas.externalNodes().size();
    }

    GraphCanvas canvas() {
        return canvas;
    }

    GraphMinimap minimap() {
        return minimap;
    }

    GraphLegend legend() {
        return legend;
    }

    GraphKeys keys() {
        return keys;
    }
}
