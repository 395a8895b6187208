package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph from the keyboard: arrows along edges and columns, Enter, F2, Delete, zoom keys, Find Stage. */
@ExtendWith(ApplicationExtension.class)
class GraphKeysTest extends FxRobot {
    /** base feeds build and test; build and tools feed the final stage. */
    private static final String TEXT = """
            FROM golang:1.22 AS base
            FROM base AS build
            RUN go build
            FROM base AS test
            RUN go test
            FROM alpine AS tools
            FROM scratch AS release
            COPY --from=build /out/app /app
            COPY --from=tools /bin/curl /curl
            """;

    private GraphView view;
    private final List<GraphGesture> gestures = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new GraphView();
        view.setOnGesture(gestures::add);
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
        view.setGraph(StageGraph.parse(TEXT));
        view.requestFocus();
    }

    private Integer selected() {
        return view.selectedStageProperty().get();
    }

    private int index(String name) {
        return view.graph().find(name).orElseThrow().index();
    }

    @Test
    void arrowsFollowTheEdgesAndTheColumns() {
        clickOn(view.canvas().stageNodes().get(index("base")).localToScreen(20, 20));
        assertEquals(Integer.valueOf(index("base")), selected());
        type(KeyCode.RIGHT);
        int user = selected();
        assertTrue(user == index("build") || user == index("test"), "right goes to a stage built on base: " + user);
        type(KeyCode.LEFT);
        assertEquals(Integer.valueOf(index("base")), selected(), "left goes back to the source");
        interact(() -> view.select(index("build")));
        type(user == index("build") ? KeyCode.DOWN : KeyCode.UP);
        type(KeyCode.DOWN);
        type(KeyCode.UP);
        int sibling = selected();
        assertTrue(sibling == index("build") || sibling == index("test") || sibling == index("tools"),
                "up and down stay in the column: " + view.graph().stages().get(sibling).displayName());
        interact(() -> view.select(index("build")));
        type(KeyCode.RIGHT);
        assertEquals(Integer.valueOf(index("release")), selected());
        type(KeyCode.RIGHT);
        assertEquals(Integer.valueOf(index("release")), selected(), "nothing uses the final stage: the selection stays");
    }

    @Test
    void withNothingSelectedAnArrowSelectsTheTarget() {
        interact(() -> view.select(null));
        type(KeyCode.LEFT);
        assertEquals(Integer.valueOf(index("release")), selected());
    }

    @Test
    void enterF2AndDeleteBecomeGesturesOnTheSelectedStage() {
        clickOn(view.canvas().stageNodes().get(index("test")).localToScreen(20, 20));
        type(KeyCode.ENTER);
        type(KeyCode.F2);
        type(KeyCode.DELETE);
        interact(() -> view.select(null));
        type(KeyCode.F2); // nothing selected: nothing to rename
        int test = index("test");
        assertEquals(List.of(new GraphGesture.Open(test), new GraphGesture.Rename(test), new GraphGesture.Delete(test)),
                gestures);
    }

    @Test
    void plusMinusAndZeroZoomAndFit() {
        interact(view::requestFocus);
        double start = view.zoom();
        type(KeyCode.MINUS);
        assertEquals(start / 1.2, view.zoom(), 1e-9);
        type(KeyCode.ADD);
        type(KeyCode.ADD);
        assertEquals(start * 1.2, view.zoom(), 1e-9);
        type(KeyCode.DIGIT0);
        assertTrue(view.allInView(), "0 fits");
    }

    @Test
    void typingANameFindsTheStageAndEscapeClosesTheField() {
        interact(view::requestFocus);
        write("too");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.keys().finding(), "typing on the graph opens Find Stage");
        assertEquals(Integer.valueOf(index("tools")), selected());
        type(KeyCode.ESCAPE);
        assertFalse(view.keys().finding());
        assertEquals(Integer.valueOf(index("tools")), selected(), "the found stage stays selected");
        assertTrue(view.isFocused(), "the keys go back to the graph");
    }

    @Test
    void controlKFindsByBaseImageAndDownGoesToTheNextMatch() {
        interact(view::requestFocus);
        press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        assertTrue(view.keys().finding());
        write("golang");
        assertEquals(Integer.valueOf(index("base")), selected(), "base is FROM golang");
        write("x");
        assertEquals(Integer.valueOf(index("base")), selected(), "no match: the selection stays");
        type(KeyCode.BACK_SPACE);
        type(KeyCode.ENTER);
        assertFalse(view.keys().finding());
        assertEquals(Integer.valueOf(index("build")), view.findStage("BUI"));
        assertEquals(null, view.findStage("nothing-like-it"));
        assertEquals(Integer.valueOf(index("build")), selected());
    }

    @Test
    void theContextMenuKeyOpensTheStageMenu() {
        clickOn(view.canvas().stageNodes().get(index("tools")).localToScreen(20, 20));
        press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(listWindows().stream().anyMatch(w -> w instanceof ContextMenu && w.isShowing()));
        clickOn("Set as target");
        assertEquals(List.of(new GraphGesture.SetTarget(index("tools"))), gestures);
    }
}
