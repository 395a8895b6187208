package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.bench.BigDockerfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every file from 1 to 200 stages opens right in a pane the size of the window's default graph
 * pane: fitted and centred with readable names, or at the smallest readable zoom centred on the
 * target with the minimap showing; never under the legend.
 */
@ExtendWith(ApplicationExtension.class)
class GraphOpensRightTest extends FxRobot {
    /** About 45 % of a 1,280 px window's width, and its graph's height. */
    static final double PANE_WIDTH = 560;
    static final double PANE_HEIGHT = 560;

    private GraphView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), PANE_WIDTH, PANE_HEIGHT));
        stage.show();
    }

    /** A new pane (a document's) opening {@code text}, laid out as the window's first pulse does. */
    private StageGraph open(String text) {
        StageGraph g = StageGraph.parse(text);
        interact(() -> {
            view = new GraphView();
            stage.getScene().setRoot(view);
            view.setGraph(g);
            view.applyCss();
            view.layout();
        });
        return g;
    }

    /** What is wrong with how {@code g} opened, or nothing. */
    private List<String> problems(StageGraph g) {
        List<String> out = new ArrayList<>();
        double zoom = view.zoom();
        double area = view.areaHeight();
        if (view.legend().getBoundsInParent().getMinY() < area - 0.5) {
            out.add("the legend reaches into the graph's area");
        }
        for (StageNodeView n : view.canvas().stageNodes()) {
            double px = n.nameNode().getFont().getSize() * zoom;
            if (px < 9.9) {
                out.add(n.nameText() + "'s name is " + px + " px on screen");
            }
        }
        if (view.allInView()) {
            Bounds c = view.canvas().shownBounds();
            Bounds shown = view.canvas().localToScreen(c);
            Bounds pane = view.localToScreen(new javafx.geometry.BoundingBox(0, 0, view.getWidth(), area));
            double left = shown.getMinX() - pane.getMinX();
            double right = pane.getMaxX() - shown.getMaxX();
            double top = shown.getMinY() - pane.getMinY();
            double bottom = pane.getMaxY() - shown.getMaxY();
            if (Math.abs(left - right) > 2 || Math.abs(top - bottom) > 2) {
                out.add("not centred: left " + left + " right " + right + " top " + top + " bottom " + bottom);
            }
            if (view.minimap().isVisible()) {
                out.add("the minimap shows while everything is in view");
            }
        } else {
            if (Math.abs(zoom - GraphView.READABLE_ZOOM) > 1e-6) {
                out.add("not all in view, yet zoomed to " + zoom + " rather than the readable " + GraphView.READABLE_ZOOM);
            }
            StageNodeView t = view.canvas().stageNodes().get(g.target());
            Bounds b = t.localToScreen(t.getBoundsInLocal());
            Bounds pane = view.localToScreen(new javafx.geometry.BoundingBox(0, 0, view.getWidth(), area));
            Bounds shown = view.canvas().localToScreen(view.canvas().shownBounds());
            if (!pane.contains(b)) {
                out.add("the target is not in view: " + b + " in " + pane);
            }
            // on each axis: the target in the middle, or the view ending at the graph's edge (never
            // empty canvas beyond it), or, where the graph is shorter than the view, the graph in the middle
            double top = view.overviewReserve();
            String x = axis(b.getCenterX(), shown.getMinX(), shown.getMaxX(), pane.getMinX(), pane.getMaxX(), 24, 24);
            String y = axis(b.getCenterY(), shown.getMinY(), shown.getMaxY(), pane.getMinY(), pane.getMaxY(), top, 24);
            if (x != null) {
                out.add("across: " + x);
            }
            if (y != null) {
                out.add("down: " + y);
            }
            if (!view.minimap().isVisible()) {
                out.add("no minimap although the graph is larger than the view");
            }
        }
        return out;
    }

    /**
     * What is wrong on one axis of a view at the readable zoom: the target at {@code target}, the
     * graph from {@code lo} to {@code hi}, the view from {@code min} to {@code max}, screen pixels.
     */
    private static String axis(double target, double lo, double hi, double min, double max, double before, double after) {
        if (hi - lo <= max - min + 0.5) {
            return Math.abs((lo + hi) / 2 - (min + max) / 2) > 1.5 ? "a graph no longer than the view is not in its middle" : null;
        }
        if (lo > min + before + 0.5 || hi < max - after - 0.5) {
            return "empty canvas beyond the graph's edge: graph " + lo + ".." + hi + " in view " + min + ".." + max;
        }
        boolean middle = Math.abs(target - (min + max) / 2) <= 1.5;
        boolean atEdge = Math.abs(lo - (min + before)) <= 1.5 || Math.abs(hi - (max - after)) <= 1.5;
        return middle || atEdge ? null : "the target is neither in the middle nor the view at the graph's edge";
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("graph.shots");
        if (dir != null) {
            javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
            interact(() -> image[0] = view.snapshot(null, null));
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", Path.of(dir, name + ".png").toFile());
        }
    }

    @Test
    void everyCorpusFileOpensFittedOrReadableAroundItsTarget() throws Exception {
        List<String> all = new ArrayList<>();
        // square, and the default window's graph pane (45 % of 1280 px wide, above the bottom tabs)
        for (double[] size : new double[][] {{PANE_WIDTH, PANE_HEIGHT}, {570, 500}}) {
            interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Path f : Corpus.files()) {
                StageGraph g = open(Corpus.read(f));
                if (g.stages().isEmpty()) {
                    continue;
                }
                problems(g).forEach(p -> all.add(f.getFileName() + " in " + size[0] + " x " + size[1] + ": " + p));
                shot(f.getFileName().toString());
            }
        }
        assertEquals(List.of(), all);
    }

    @Test
    void generatedFilesFromOneTo200StagesOpenRight() throws Exception {
        List<String> all = new ArrayList<>();
        for (int stages : new int[] {1, 2, 5, 20, 60, 120, 200}) {
            StageGraph g = open(BigDockerfile.generate(stages, stages * 8));
            problems(g).forEach(p -> all.add(stages + " stages: " + p));
            shot("generated-" + stages);
        }
        assertEquals(List.of(), all);
    }

    @Test
    void aGraphLargerThanThePaneShowsTheMinimapAndFitHidesIt() {
        StageGraph moby = open(Corpus.read(Corpus.file("008-")));
        assertTrue(view.minimap().isVisible(), "moby does not fit readable into " + PANE_WIDTH + " px");
        assertEquals(GraphView.READABLE_ZOOM, view.zoom(), 1e-9);
        interact(() -> {
            view.fit();
            view.layout();
        });
        assertTrue(view.allInView());
        assertTrue(!view.minimap().isVisible(), "everything is in view: no minimap");
        assertEquals(37, moby.stages().size());
    }

    @Test
    void theLegendCollapsesAndTheGraphGetsItsRoom() {
        open(Corpus.read(Corpus.file("066-")));
        double before = view.areaHeight();
        Region legend = view.legend();
        clickOn(view.legend().toggle());
        interact(() -> view.layout());
        assertTrue(view.legendCollapsed());
        assertTrue(view.areaHeight() > before + 10, "the graph gets the legend's room: " + before + " -> " + view.areaHeight());
        assertTrue(legend.getBoundsInParent().getMinY() >= view.areaHeight() - 0.5);
        assertTrue(problems(view.graph()).isEmpty(), problems(view.graph()).toString());
        clickOn(view.legend().toggle());
        interact(() -> view.layout());
        assertTrue(!view.legendCollapsed());
        assertEquals(before, view.areaHeight(), 0.5);
    }
}
