package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.NodePosition;
import dev.stagecraft.ui.graph.GraphGesture;
import dev.stagecraft.ui.graph.GraphView;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;

/** The graph canvas ({@link GraphView}) behind the window's {@link GraphPort}. FX thread only. */
final class GraphViewPort implements GraphPort {
    private final GraphView view = new GraphView();
    private GraphGesture.CopyHandler copyEdge = (from, to, line) -> { };

    GraphView view() {
        return view;
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void setGraph(StageGraph graph) {
        view.setGraph(graph);
    }

    @Override
    public void setProblem(Integer stage, String message) {
        view.setProblem(stage, message);
    }

    @Override
    public ReadOnlyObjectProperty<Integer> selectedStageProperty() {
        return view.selectedStageProperty();
    }

    @Override
    public void select(Integer stage) {
        view.select(stage);
    }

    @Override
    public int nodeCount() {
        return view.nodeCount();
    }

    @Override
    public Map<String, NodePosition> positions() {
        Map<String, NodePosition> out = new LinkedHashMap<>();
        view.positions().forEach((k, p) -> out.put(k, new NodePosition(p.getX(), p.getY())));
        return out;
    }

    @Override
    public void setPositions(Map<String, NodePosition> positions) {
        Map<String, Point2D> p = new LinkedHashMap<>();
        positions.forEach((k, v) -> p.put(k, new Point2D(v.x(), v.y())));
        view.setPositions(p);
    }

    @Override
    public void setTarget(int stage) {
        view.setTarget(stage);
    }

    @Override
    public StageGraph shownGraph() {
        return view.graph();
    }

    @Override
    public double[] viewport() {
        return view.viewport();
    }

    @Override
    public void setViewport(double zoom, double panX, double panY) {
        view.setViewport(zoom, panX, panY);
    }

    @Override
    public void arrange() {
        view.arrange();
    }

    @Override
    public void setGestures(StageGestures g) {
        view.setOnGesture(gesture -> {
            if (gesture instanceof GraphGesture.OpenCopy c) {
                copyEdge.open(c.from(), c.to(), c.line());
            } else {
                dispatch(gesture, g);
            }
        });
    }

    @Override
    public void setOnCopyEdge(GraphGesture.CopyHandler handler) {
        copyEdge = handler == null ? (from, to, line) -> { } : handler;
    }

    /** Java 17 has no pattern switch: one instanceof per gesture record. */
    private static void dispatch(GraphGesture gesture, StageGestures g) {
        if (gesture instanceof GraphGesture.AddStage a) {
            g.addStage(a.after());
        } else if (gesture instanceof GraphGesture.Rename r) {
            g.rename(r.stage());
        } else if (gesture instanceof GraphGesture.Delete d) {
            g.delete(d.stage());
        } else if (gesture instanceof GraphGesture.Connect c) {
            g.connect(c.from(), c.to());
        } else if (gesture instanceof GraphGesture.ChangeBase b) {
            g.changeBase(b.stage());
        } else if (gesture instanceof GraphGesture.SetTarget t) {
            g.setTarget(t.stage());
        } else if (gesture instanceof GraphGesture.Duplicate d) {
            g.duplicate(d.stage());
        } else if (gesture instanceof GraphGesture.Move m) {
            g.move(m.stage(), m.delta());
        } else if (gesture instanceof GraphGesture.Open o) {
            g.open(o.stage());
        }
    }

    @Override
    public void setStageState(int stage, String state) {
        view.setStageState(stage, state);
    }

    @Override
    public void setStageBadge(int stage, String text) {
        view.setStageBadge(stage, text);
    }

    @Override
    public void setStageFindings(int stage, int count, String severity, String tip) {
        view.setStageFindings(stage, count, severity, tip);
    }

    @Override
    public void setCopyDetail(int toStage, int line, String detail) {
        view.setCopyDetail(toStage, line, detail);
    }

    @Override
    public void zoomIn() {
        view.zoomIn();
    }

    @Override
    public void zoomOut() {
        view.zoomOut();
    }

    @Override
    public void fit() {
        view.fit();
    }

    @Override
    public javafx.scene.image.Image picture() {
        return view.image();
    }

    @Override
    public String svgText() {
        return view.svgText();
    }

    // ---- added for issue 10

    @Override
    public Integer findStage(String query) {
        return view.findStage(query);
    }

    @Override
    public void showFindStage() {
        view.showFindStage();
    }

    @Override
    public void setFocus(dev.stagecraft.ui.graph.GraphFocus focus) {
        view.setFocus(focus);
    }

    @Override
    public dev.stagecraft.ui.graph.GraphFocus focus() {
        return view.focus();
    }

    @Override
    public void setImagesCollapsed(boolean collapsed) {
        view.setImagesCollapsed(collapsed);
    }

    @Override
    public boolean imagesCollapsed() {
        return view.imagesCollapsed();
    }

    @Override
    public void setLegendCollapsed(boolean collapsed) {
        view.setLegendCollapsed(collapsed);
    }

    @Override
    public boolean legendCollapsed() {
        return view.legendCollapsed();
    }

    @Override
    public void setOverviewCollapsed(boolean collapsed) {
        view.setOverviewCollapsed(collapsed);
    }

    @Override
    public boolean overviewCollapsed() {
        return view.overviewCollapsed();
    }

    @Override
    public void copyMermaid() {
        view.copyMermaid();
    }

    @Override
    public void copyImage() {
        view.copyImage();
    }
}
