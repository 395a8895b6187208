package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import java.util.Map;
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

/** Re-parses after text edits: nodes stay where they were, and saved places win over the layout. */
@ExtendWith(ApplicationExtension.class)
class GraphReparseTest extends FxRobot {
    private static final String TEXT = """
            FROM golang:1.22 AS builder
            RUN go build -o /out/app .

            FROM alpine AS tools
            RUN apk add curl

            FROM scratch
            COPY --from=builder /out/app /app
            COPY --from=tools /usr/bin/curl /curl
            """;

    private GraphView view;

    @Start
    void start(Stage stage) {
        view = new GraphView();
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
        view.setGraph(StageGraph.parse(TEXT));
    }

    private void show(String text) {
        interact(() -> view.setGraph(StageGraph.parse(text)));
    }

    private static void assertApart(Point2D a, Point2D b, String what) {
        assertTrue(Math.abs(a.getX() - b.getX()) >= StageNodeView.WIDTH
                || Math.abs(a.getY() - b.getY()) >= StageNodeView.HEIGHT, what + ": " + a + " and " + b);
    }

    @Test
    void aStageInsertedBeforeTheUnnamedFinalStageLeavesThatStageWhereItWas() {
        Map<String, Point2D> before = view.positions();
        show(TEXT.replace("FROM scratch", "FROM debian AS extra\nRUN true\n\nFROM scratch"));
        Map<String, Point2D> after = view.positions();
        assertEquals(before.get("#2"), after.get("#3"), "the final stage is #3 now, same node, same place");
        assertEquals(before.get("builder"), after.get("builder"));
        assertEquals(before.get("tools"), after.get("tools"));
        for (String k : List.of("builder", "tools", "#3")) {
            assertApart(after.get("extra"), after.get(k), "extra against " + k);
        }
    }

    @Test
    void deletingAStageLeavesTheOthersWhereTheyWere() {
        Map<String, Point2D> before = view.positions();
        show(TEXT.replace("FROM alpine AS tools\nRUN apk add curl\n", "").replace("COPY --from=tools /usr/bin/curl /curl\n",
                ""));
        Map<String, Point2D> after = view.positions();
        assertEquals(2, view.nodeCount());
        assertEquals(before.get("builder"), after.get("builder"));
        assertEquals(before.get("#2"), after.get("#1"));
    }

    @Test
    void aDraggedNodeStaysPutWhileStagesComeAndGo() {
        StageNodeView tools = view.canvas().stageNodes().get(1);
        Point2D grip = tools.localToScreen(40, 20);
        drag(grip, MouseButton.PRIMARY).moveBy(-60, 150).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D dragged = view.positions().get("tools");
        show(TEXT.replace("AS tools", "AS tool").replace("--from=tools", "--from=tool") + "\nFROM tool AS more\n");
        assertEquals(dragged, view.positions().get("tool"), "renamed and still where the user put it");
        Point2D more = view.positions().get("more");
        view.positions().forEach((k, p) -> {
            if (!k.equals("more")) {
                assertApart(more, p, "more against " + k);
            }
        });
        assertTrue(more.getX() > dragged.getX(), "a new stage built on 'tool' goes right of it: " + more);
    }

    @Test
    void theSelectedStageStaysSelectedWhenItMovesInTheFileAndClearsWhenDeleted() {
        clickOn(view.canvas().stageNodes().get(0).localToScreen(40, 20));
        assertEquals(0, view.selectedStageProperty().get());
        String moved = TEXT.replace("FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n\n", "")
                .replace("FROM scratch", "FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n\nFROM scratch");
        show(moved);
        assertEquals("builder", view.graph().stages().get(1).name());
        assertEquals(1, view.selectedStageProperty().get(), "builder is the second stage now, and still selected");
        assertTrue(view.canvas().stageNodes().get(1).hasClass("selected"));
        assertFalse(view.canvas().stageNodes().get(0).hasClass("selected"));
        show(moved.replace("FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n", "")
                .replace("COPY --from=builder /out/app /app\n", ""));
        assertEquals(null, view.selectedStageProperty().get());
    }

    @Test
    void aChosenTargetStaysThroughEditsUntilTheFilesOwnTargetChanges() {
        interact(() -> view.setTarget(1));
        show(TEXT.replace("RUN apk add curl", "RUN apk add curl jq"));
        assertEquals(1, view.target());
        assertTrue(view.canvas().stageNodes().get(1).hasClass("target"));
        assertTrue(view.canvas().stageNodes().get(0).hasClass("unused"), "tools does not need builder");
        assertFalse(view.canvas().stageNodes().get(2).hasClass("target"));
        show(TEXT + "\nFROM alpine AS last\n");
        assertEquals(3, view.target(), "a new last stage is the file's new target");
        assertTrue(view.canvas().stageNodes().get(3).hasClass("target"));
        assertFalse(view.canvas().stageNodes().get(1).hasClass("target"));
    }

    @Test
    void savedPositionsWinOverTheLayoutNowAndForStagesStillToCome() {
        interact(() -> view.setPositions(Map.of("tools", new Point2D(900, 500), "later", new Point2D(40, 480))));
        assertEquals(new Point2D(900, 500), view.positions().get("tools"));
        show(TEXT + "\nFROM alpine AS later\n");
        assertEquals(new Point2D(900, 500), view.positions().get("tools"));
        assertEquals(new Point2D(40, 480), view.positions().get("later"));
    }

    @Test
    void edgesOfAnOldGraphStopFollowingTheNodes() {
        EdgeView old = view.canvas().edgeViews().get(0);
        assertEquals("/out/app", old.text());
        String oldPath = old.svgPath();
        show(TEXT.replace("/out/app /app", "/out/app2 /app"));
        EdgeView now = view.canvas().edgeViews().get(0);
        assertEquals("/out/app2", now.text());
        assertNotEquals(old, now);
        interact(() -> now.fromNode().relocate(now.fromNode().getLayoutX(), now.fromNode().getLayoutY() + 90));
        assertEquals(oldPath, old.svgPath(), "a disposed edge must not listen to the nodes any more");
        assertNotEquals(oldPath, now.svgPath(), "the shown edge follows its node");
    }

    @Test
    void anEdgeTheEditDidNotTouchKeepsItsSizeLabel() {
        int copyLine = view.graph().edges().get(1).line();
        interact(() -> view.setCopyDetail(2, copyLine, "4.2 MB"));
        assertEquals("/usr/bin/curl\n4.2 MB", view.canvas().edgeViews().get(1).labelText());
        show(TEXT.replace("RUN apk add curl", "RUN apk add curl jq"));
        assertEquals("/usr/bin/curl\n4.2 MB", view.canvas().edgeViews().get(1).labelText());
        show(TEXT.replace("/usr/bin/curl /curl", "/usr/bin/curl /bin/curl"));
        assertEquals("/usr/bin/curl\n4.2 MB", view.canvas().edgeViews().get(1).labelText(), "same source path");
        show(TEXT.replace("/usr/bin/curl /curl", "/usr/bin/wget /wget"));
        assertEquals("/usr/bin/wget", view.canvas().edgeViews().get(1).labelText(), "another copy: no old size");
    }

    @Test
    void edgesFollowTheLayoutsRoutesUntilTheirNodeIsDragged() {
        List<EdgeView> edges = view.canvas().edgeViews();
        assertTrue(edges.stream().allMatch(EdgeView::routed), "a fresh layout routes every edge");
        StageNodeView builder = view.canvas().stageNodes().get(0);
        drag(builder.localToScreen(40, 20), MouseButton.PRIMARY).moveBy(0, 200).drop();
        WaitForAsyncUtils.waitForFxEvents();
        for (EdgeView e : view.canvas().edgeViews()) {
            assertEquals(e.fromNode() != builder, e.routed(), "edge from " + e.fromNode() + " after the drag");
        }
        assertFalse(view.canvas().edgeViews().get(0).svgPath().isEmpty());
    }
}
