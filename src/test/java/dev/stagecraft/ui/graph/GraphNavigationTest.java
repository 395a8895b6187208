package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Panning, zooming, fitting and the background menu, on moby/moby's 37 stages. */
@ExtendWith(ApplicationExtension.class)
class GraphNavigationTest extends FxRobot {
    private GraphView view;
    private final List<GraphGesture> gestures = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new GraphView();
        view.setOnGesture(gestures::add);
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
        view.setGraph(StageGraph.parse(Corpus.read(Corpus.file("008-"))));
    }

    /** A point of the graph's area, on screen, where no node is (nor the minimap). */
    private Point2D empty() {
        Bounds minimap = view.minimap().isVisible() ? view.minimap().getBoundsInParent() : null;
        for (double y = 20; y < view.areaHeight() - 20; y += 15) {
            for (double x = 980; x > 300; x -= 15) {
                Point2D screen = view.localToScreen(x, y);
                Point2D graph = view.canvas().screenToLocal(screen);
                boolean free = (minimap == null || !minimap.intersects(x - 20, y - 20, 40, 40))
                        && view.canvas().allNodes().stream().noneMatch(n -> n.getBoundsInParent()
                        .intersects(graph.getX() - 20, graph.getY() - 20, 40, 40));
                if (free) {
                    return screen;
                }
            }
        }
        throw new AssertionError("no empty spot");
    }

    private Point2D onScreen(String stage) {
        StageNodeView n = view.canvas().stageNodes().stream().filter(v -> v.key().equals(stage)).findFirst().orElseThrow();
        return n.localToScreen(0, 0);
    }

    @Test
    void draggingTheBackgroundPansWithoutMovingNodes() {
        Map<String, Point2D> before = view.positions();
        Point2D shownBefore = onScreen("base");
        drag(empty(), MouseButton.PRIMARY).moveBy(-120, 60).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D shownAfter = onScreen("base");
        assertEquals(-120, shownAfter.getX() - shownBefore.getX(), 2);
        assertEquals(60, shownAfter.getY() - shownBefore.getY(), 2);
        assertEquals(before, view.positions(), "panning moves the view, not the graph");
    }

    @Test
    void controlScrollZoomsAndButtonsZoomByAStep() {
        double start = view.zoom();
        moveTo(empty());
        press(KeyCode.CONTROL);
        scroll(3, VerticalDirection.UP);
        release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double scrolled = view.zoom();
        assertTrue(scrolled != start, "Ctrl+scroll zooms: " + start + " -> " + scrolled);
        interact(view::zoomIn);
        assertEquals(scrolled * 1.2, view.zoom(), 1e-9);
        interact(view::zoomOut);
        interact(view::zoomOut);
        assertEquals(scrolled / 1.2, view.zoom(), 1e-9);
    }

    @Test
    void scrollingWithoutControlPans() {
        double zoom = view.zoom();
        Point2D before = onScreen("base");
        moveTo(empty());
        scroll(2, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoom, view.zoom(), 1e-9);
        assertTrue(Math.abs(onScreen("base").getY() - before.getY()) > 1, "scrolling moves the view");
    }

    @Test
    void fitShowsEveryNode() {
        interact(() -> {
            view.zoomIn();
            view.zoomIn();
            view.fit();
        });
        Bounds pane = view.localToScreen(view.getBoundsInLocal());
        for (var n : view.canvas().allNodes()) {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            assertTrue(pane.contains(b.getMinX(), b.getMinY()) && pane.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    n + " is out of view after fit");
        }
    }

    @Test
    void theBackgroundMenuAddsAStage() {
        rightClickOn(empty());
        clickOn("Add stage…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new GraphGesture.AddStage(null)), gestures);
    }

    @Test
    void clickingANodeSelectsItAndClickingTheBackgroundClears() {
        int devBase = view.graph().stages().stream().filter(s -> "dev-base".equals(s.name())).findFirst().orElseThrow().index();
        interact(() -> view.reveal(devBase));
        clickOn(onScreen("dev-base").add(30, 20));
        assertEquals(Integer.valueOf(devBase), view.selectedStageProperty().get());
        clickOn(empty());
        assertEquals(null, view.selectedStageProperty().get());
    }
}
