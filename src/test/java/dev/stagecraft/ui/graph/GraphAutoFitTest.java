package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The automatic fit follows the pane while the window and its dividers settle, keeps clear of the
 * legend, and stops following once the user pans.
 */
@ExtendWith(ApplicationExtension.class)
class GraphAutoFitTest extends FxRobot {
    private static final String THREE_STAGES = """
            FROM busybox AS base
            RUN echo base
            FROM base AS build
            RUN echo build > /out
            FROM busybox
            COPY --from=build /out /out
            """;

    private GraphView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new GraphView();
        // the pane starts tall, as before the window's bottom area takes its share
        stage.setScene(new Scene(view, 700, 790)); // within Monocle's 1280x800 screen
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.setGraph(StageGraph.parse(THREE_STAGES));
    }

    private void resize(double w, double h) {
        interact(() -> {
            stage.setX(0); // stay within Monocle's screen
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Bounds legend() {
        return view.getChildrenUnmodifiable().stream().filter(n -> n instanceof GraphLegend).findFirst().orElseThrow()
                .localToScreen(view.getChildrenUnmodifiable().stream().filter(n -> n instanceof GraphLegend)
                        .findFirst().orElseThrow().getBoundsInLocal());
    }

    @Test
    void untouchedGraphIsFittedAgainWhenThePaneResizesAndClearsTheLegend() {
        resize(1000, 330);
        Bounds pane = view.localToScreen(view.getBoundsInLocal());
        Bounds legend = legend();
        for (var n : view.canvas().allNodes()) {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            assertTrue(pane.contains(b.getMinX(), b.getMinY()) && pane.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    n + " is out of view after the window resized: " + b + " in " + pane);
            assertFalse(b.intersects(legend), n + " lies under the legend");
        }
    }

    @Test
    void aPannedViewStaysWhereTheUserPutItWhenThePaneResizes() {
        resize(1000, 700);
        drag(view.localToScreen(990, 10), MouseButton.PRIMARY).moveBy(-60, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        StageNodeView base = view.canvas().stageNodes().get(0);
        Point2D before = view.screenToLocal(base.localToScreen(0, 0));
        double zoom = view.zoom();
        resize(1100, 740);
        assertEquals(zoom, view.zoom(), 1e-9);
        Point2D after = view.screenToLocal(base.localToScreen(0, 0));
        assertEquals(before.getX(), after.getX(), 0.5);
        assertEquals(before.getY(), after.getY(), 0.5);
    }
}
