package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.bench.BigDockerfile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The minimap moves the view; the PNG has the whole shown graph and the legend; a large graph keeps only what is near the view live. */
@ExtendWith(ApplicationExtension.class)
class GraphMinimapExportTest extends FxRobot {
    private GraphView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 600, 560));
        stage.show();
        open(StageGraph.parse(Corpus.read(Corpus.file("008-"))));
    }

    private void open(StageGraph g) {
        view = new GraphView();
        stage.getScene().setRoot(view);
        view.setGraph(g);
        view.applyCss();
        view.layout();
    }

    /** The middle of the graph's area, in graph coordinates. */
    private Point2D middle() {
        Bounds v = view.viewBounds();
        return new Point2D(v.getCenterX(), v.getCenterY());
    }

    @Test
    void pressingAndDraggingInTheMinimapMovesTheView() {
        assertTrue(view.minimap().isVisible());
        Point2D target = view.minimap().toGraph(12, 12); // near the graph's top-left corner
        double pixel = view.minimap().toGraph(13, 13).getX() - target.getX(); // a minimap pixel in graph units
        clickOn(view.minimap().localToScreen(12, 12));
        assertEquals(target.getX(), middle().getX(), 1.5 * pixel);
        assertEquals(target.getY(), middle().getY(), 1.5 * pixel);
        Point2D end = view.minimap().toGraph(60, 30);
        drag(view.minimap().localToScreen(12, 12), MouseButton.PRIMARY).moveTo(view.minimap().localToScreen(60, 30)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(end.getX(), middle().getX(), 1.5 * pixel);
        assertEquals(end.getY(), middle().getY(), 1.5 * pixel);
        Bounds frame = view.minimap().frame().getBoundsInParent();
        Point2D at = view.minimap().toMap(middle());
        assertTrue(frame.contains(at), "the frame shows where the view is: " + frame + " " + at);
    }

    @Test
    void theOverviewFoldsToItsToggleAndOpensAgain() {
        GraphMinimap map = view.minimap();
        assertTrue(map.isVisible());
        double open = map.getHeight();
        assertTrue(open > GraphMinimap.TOGGLE_HEIGHT + 20, "map and toggle: " + open);
        Point2D before = middle();
        clickOn(map.toggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(map.collapsed());
        assertTrue(map.isVisible(), "the toggle stays");
        assertTrue(map.getHeight() < 40 && map.getWidth() < 120, "folded to its toggle: " + map.getWidth() + " x " + map.getHeight());
        assertEquals(view.getWidth() - 8, map.getBoundsInParent().getMaxX(), 1, "still in the corner");
        assertEquals(before.getX(), middle().getX(), 1e-6, "pressing the toggle does not move the view");
        assertEquals(before.getY(), middle().getY(), 1e-6, "pressing the toggle does not move the view");
        clickOn(map.toggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(map.collapsed());
        assertEquals(open, map.getHeight(), 0.5);
        assertEquals(before.getX(), middle().getX(), 1e-6);
    }

    @Test
    void thePngHoldsEveryShownNodeAndTheLegendBelow(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("moby.png");
        interact(() -> view.setLegendCollapsed(true)); // collapsed on screen, open in the export
        GraphExports.png(this, view, png);
        BufferedImage image = ImageIO.read(png.toFile());
        if (System.getProperty("graph.shots") != null) {
            java.nio.file.Files.copy(png, Path.of(System.getProperty("graph.shots"), "export.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Bounds graph = view.canvas().shownBounds();
        // 2, or less to stay under 24 MP: at least the scale of a box around the graph with its margins and labels
        double scale = GraphExport.scale(graph.getWidth() + 200, graph.getHeight() + 200);
        assertTrue(scale > 1.5, "moby exports sharp: " + scale);
        assertTrue(image.getWidth() >= scale * graph.getWidth(), image.getWidth() + " for a graph " + graph.getWidth() + " wide");
        assertTrue(image.getHeight() >= scale * graph.getHeight(), "the whole height: " + image.getHeight());
        int background = image.getRGB(2, 2);
        StageNodeView right = view.canvas().stageNodes().stream()
                .max(java.util.Comparator.comparingDouble(n -> n.getLayoutX() + n.getPrefWidth())).orElseThrow();
        // the right-most node's box is drawn, not clipped: its left border column differs from the background
        Bounds drawn = GraphExport.drawnBounds(view.canvas()); // what the export draws, with its margins
        double s = GraphExport.scale(drawn.getWidth(), drawn.getHeight());
        int x = (int) ((right.getLayoutX() + right.getPrefWidth() - 3 - drawn.getMinX()) * s);
        int y = (int) ((right.getLayoutY() + StageNodeView.HEIGHT / 2 - drawn.getMinY()) * s);
        assertTrue(x < image.getWidth(), "the right-most node is inside the image");
        assertTrue(image.getRGB(x, y) != background, "the right-most node is painted at " + x + "," + y);
        assertTrue(view.legendCollapsed(), "the legend on screen stays as it was");
    }

    @Test
    void thePngHasTheLegendBelowTheGraph(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("moby.png");
        GraphExports.png(this, view, png);
        BufferedImage image = ImageIO.read(png.toFile());
        int background = image.getRGB(2, 2);
        boolean legendInk = false;
        for (int yy = image.getHeight() - 60; yy < image.getHeight(); yy++) {
            for (int xx = 0; xx < Math.min(400, image.getWidth()); xx++) {
                legendInk |= image.getRGB(xx, yy) != background;
            }
        }
        assertTrue(legendInk, "the legend is drawn below the graph");
    }

    @Test
    void aLargeGraphKeepsOnlyWhatIsNearTheViewLive() {
        interact(() -> open(StageGraph.parse(BigDockerfile.generate(400, 3200))));
        assertEquals(400, view.nodeCount());
        long live = view.canvas().stageNodes().stream().filter(n -> n.getParent() != null).count();
        assertTrue(live > 0 && live < 150, "live nodes: " + live);
        assertTrue(view.canvas().stageNodes().stream().allMatch(StageNodeView::compact) || view.zoom() >= GraphView.FULL_ZOOM);
        StageNodeView last = view.canvas().stageNodes().get(399);
        interact(() -> view.reveal(399));
        assertTrue(last.getParent() != null, "a node brought into view goes live");
        interact(() -> {
            view.select(399);
            view.layout();
        });
        assertTrue(last.localToScreen(last.getBoundsInLocal()) != null);
        assertFalse(view.canvas().stageNodes().get(0).getParent() != null && view.zoom() > 0.3,
                "the first stage, far away, is not live");
    }
}
