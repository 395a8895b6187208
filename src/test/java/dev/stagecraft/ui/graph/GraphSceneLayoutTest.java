package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.graph.layout.LayoutGeometry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The laid-out scene of every corpus file, as the user sees it zoomed in (nodes as wide as their
 * text, labels as the theme draws them, a build's sizes on the COPY labels): every edge follows
 * ELK's route, no edge segment passes through a node's box, no label covers a node or another label.
 */
@ExtendWith(ApplicationExtension.class)
class GraphSceneLayoutTest extends FxRobot {
    private GraphView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1000, 640));
        stage.show();
    }

    static List<String> problems(GraphCanvas canvas) {
        List<String> out = new ArrayList<>();
        List<LayoutGeometry.Rect> nodes = new ArrayList<>();
        for (Region r : canvas.shownNodes()) {
            nodes.add(new LayoutGeometry.Rect(r instanceof StageNodeView v ? v.nameText() : ((ExternalImageView) r).image(),
                    r.getLayoutX(), r.getLayoutY(), r.getPrefWidth(), r.getPrefHeight()));
        }
        List<List<double[]>> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<LayoutGeometry.Rect> labels = new ArrayList<>();
        for (EdgeView e : canvas.shownEdges()) {
            String name = e.kind().label() + " '" + e.text() + "'";
            if (!e.routed()) {
                out.add(name + " does not follow ELK's route");
            }
            List<double[]> pts = new ArrayList<>();
            for (Point2D p : e.polyline()) {
                pts.add(new double[] {p.getX(), p.getY()});
            }
            lines.add(pts);
            names.add(name);
            if (!e.labelText().isEmpty()) {
                Point2D at = e.labelPlace();
                labels.add(new LayoutGeometry.Rect(e.labelText().replace('\n', ' '), at.getX(), at.getY(), e.labelWidth(),
                        e.labelHeight()));
            }
        }
        out.addAll(LayoutGeometry.problems(nodes, lines, names, labels));
        return out;
    }

    @Test
    void noEdgeCrossesANodeAndNoLabelsOverlapInAnyCorpusFile() {
        List<String> all = new ArrayList<>();
        int labelled = 0;
        for (Path f : Corpus.files()) {
            StageGraph g = StageGraph.parse(Corpus.read(f));
            interact(() -> {
                view = new GraphView(); // a document's own pane
                stage.getScene().setRoot(view);
                view.setGraph(g);
                view.zoom(1);
                for (EdgeView e : view.canvas().edgeViews()) {
                    if (e.kind() == dev.stagecraft.dockerfile.model.EdgeKind.COPY) {
                        e.setDetail("123.4 MB"); // as after a build
                    }
                }
                view.applyCss();
                view.layout();
            });
            interact(() -> view.layout());
            problems(view.canvas()).forEach(p -> all.add(f.getFileName() + ": " + p));
            labelled += (int) view.canvas().edgeViews().stream().filter(e -> !e.labelText().isEmpty()).count();
        }
        assertTrue(labelled > 50, "the corpus has labelled edges: " + labelled);
        assertEquals(List.of(), all);
    }

    /**
     * Zoomed out, a compact node shows its findings badge beside its large name: the box ELK laid
     * out has room for it, so no node grows past its box (which the routes would then cross).
     */
    @Test
    void compactNodesWithFindingsBadgesKeepTheBoxesTheirRoutesWereMadeFor() {
        List<String> all = new ArrayList<>();
        int compact = 0;
        for (Path f : Corpus.files()) {
            StageGraph g = StageGraph.parse(Corpus.read(f));
            List<Double> laidOut = new ArrayList<>();
            interact(() -> {
                view = new GraphView();
                stage.getScene().setRoot(view);
                view.setGraph(g);
                view.zoom(0.3); // compact
                for (StageNodeView n : view.canvas().stageNodes()) {
                    laidOut.add(n.boxWidth());
                }
                for (int i = 0; i < g.stages().size(); i++) {
                    view.setStageFindings(i, 888, "warning", "888 findings");
                }
                view.applyCss();
                view.layout();
            });
            interact(() -> view.layout());
            List<StageNodeView> nodes = view.canvas().stageNodes();
            for (int i = 0; i < nodes.size(); i++) {
                StageNodeView n = nodes.get(i);
                if (n.compact() && n.getWidth() > laidOut.get(i) + 0.5) { // a small graph stays full at its smallest zoom
                    all.add(f.getFileName() + ": " + n.nameText() + " grew from " + laidOut.get(i) + " to " + n.getWidth());
                }
            }
            problems(view.canvas()).forEach(p -> all.add(f.getFileName() + " (compact, findings): " + p));
            compact += (int) nodes.stream().filter(StageNodeView::compact).count();
        }
        assertTrue(compact > 100, "most corpus graphs are compact at 30 %: " + compact);
        assertEquals(List.of(), all);
    }
}
