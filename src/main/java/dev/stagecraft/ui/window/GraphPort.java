package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.NodePosition;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;

/**
 * The window's view of the stage-graph pane: what it shows and what it reports. Keeps the
 * window independent of the pane's own API (adapted in {@link GraphViewPort}). FX thread only.
 */
public interface GraphPort {
    Node node();

    /** Shows an error-free graph, keeping node positions by stage identity. */
    void setGraph(StageGraph graph);

    /** Marks the stage (or the whole graph when null) where the text is broken; null message clears. */
    void setProblem(Integer stage, String message);

    ReadOnlyObjectProperty<Integer> selectedStageProperty();

    void select(Integer stage);

    /** How many stage nodes the pane shows now. */
    int nodeCount();

    Map<String, NodePosition> positions();

    void setPositions(Map<String, NodePosition> positions);

    void setTarget(int stage);

    /** The graph shown (the last good one), or null before the first. */
    StageGraph shownGraph();

    /** {zoom, panX, panY} where the user left the view, or null while it is the automatic fit. */
    double[] viewport();

    /** Restores a view {@link #viewport} gave. */
    void setViewport(double zoom, double panX, double panY);

    /** Lays the whole graph out afresh (View ▸ Arrange Automatically), forgetting the places the user chose, and fits it. */
    void arrange();

    void setGestures(StageGestures gestures);

    /** Told when a COPY --from edge is clicked: the copy's source stage, receiving stage and line (issue 12). */
    default void setOnCopyEdge(dev.stagecraft.ui.graph.GraphGesture.CopyHandler handler) {
    }

    /** A build state on a stage: "running", "cached", "done", "failed", or null for none. */
    void setStageState(int stage, String state);

    /** A badge on a stage, such as its image size; null hides it. */
    void setStageBadge(int stage, String text);

    /**
     * The findings badge of a stage (issue 11): {@code count} lint findings, the worst
     * {@code severity} ("error", "warning", "info", "style"), {@code tip} for the tooltip; 0 hides it.
     */
    default void setStageFindings(int stage, int count, String severity, String tip) {
    }

    /** Text on the COPY --from edges into {@code toStage} made at {@code line}, such as the bytes carried. */
    void setCopyDetail(int toStage, int line, String detail);

    void zoomIn();

    void zoomOut();

    void fit();

    /**
     * The shown stages (not just what is in view) and the legend as the PNG export draws them: a
     * snapshot, so FX thread; encoding and writing it belong elsewhere ({@link GraphFileExport}).
     */
    javafx.scene.image.Image picture();

    /** The shown stages and the legend as SVG text, in the theme's colours. */
    String svgText();

    // ---- added for issue 10 (the graph at any size)

    /** Find Stage: selects and reveals the best stage for a name, part of one, a base image or #index; null if none. */
    Integer findStage(String query);

    /** Opens the Find Stage field over the graph (Ctrl+K on the graph does too). */
    void showFindStage();

    /** All stages, only what the target needs, or the selection with what it depends on and what depends on it. */
    void setFocus(dev.stagecraft.ui.graph.GraphFocus focus);

    dev.stagecraft.ui.graph.GraphFocus focus();

    /** Collapses external images into the stages that use them, or shows them as nodes. */
    void setImagesCollapsed(boolean collapsed);

    boolean imagesCollapsed();

    /** Folds the legend below the graph, or opens it. */
    void setLegendCollapsed(boolean collapsed);

    boolean legendCollapsed();

    /** Folds the overview (minimap) in the graph's corner to its toggle, or opens it. */
    void setOverviewCollapsed(boolean collapsed);

    boolean overviewCollapsed();

    /** Copy as Mermaid: the shown stages as a Mermaid flowchart on the clipboard. */
    void copyMermaid();

    /** Copy as PNG: the shown graph and the legend as an image on the clipboard. */
    void copyImage();
}
