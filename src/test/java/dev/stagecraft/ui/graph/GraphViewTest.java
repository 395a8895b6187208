package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph pane driven as a user drives it: drags, menus, double-clicks, and re-parses. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest extends FxRobot {
    private static final String TEXT = """
            FROM golang:1.22 AS builder
            RUN go build -o /out/app .

            FROM --platform=linux/arm64 alpine AS tools
            RUN apk add curl

            FROM scratch
            COPY --from=builder /out/app /app
            COPY --from=docker/buildx-bin:0.12 /buildx /buildx
            CMD ["/app"]
            """;

    private GraphView view;
    private final List<GraphGesture> gestures = new ArrayList<>();

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new GraphView();
        view.setOnGesture(gestures::add);
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
        view.setGraph(StageGraph.parse(TEXT));
    }

    private StageNodeView node(int stage) {
        return view.canvas().stageNodes().get(stage);
    }

    private Point2D center(StageNodeView n) {
        return n.localToScreen(n.getWidth() / 2 - 30, n.getHeight() / 2);
    }

    @Test
    void showsStagesExternalImagesAndTheTarget() {
        assertEquals(3, view.nodeCount());
        assertEquals(1, view.externalCount());
        assertTrue(node(2).hasClass("target"));
        assertTrue(node(1).hasClass("unused"), "tools is not needed by the final stage");
        assertEquals(2, view.canvas().edgeViews().size(), "COPY from builder and from the buildx image");
        assertTrue(view.canvas().edgeViews().stream().anyMatch(e -> e.labelText().equals("/out/app")));
    }

    @Test
    void draggingANodeMovesItAndPositionsSayWhere() {
        Point2D before = view.positions().get("builder");
        drag(center(node(0)), MouseButton.PRIMARY).moveBy(0, 120).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D after = view.positions().get("builder");
        assertEquals(before.getX(), after.getX(), 2);
        assertEquals(120 / view.zoom(), after.getY() - before.getY(), 3);
        assertEquals(0, view.selectedStageProperty().get());
    }

    @Test
    void externalImageNodesCanBeMovedToo() {
        ExternalImageView image = view.canvas().externalNodes().get("docker/buildx-bin:0.12");
        double x = image.getLayoutX();
        double y = image.getLayoutY();
        Point2D before = view.positions().get("#2");
        drag(image.localToScreen(20, 10), MouseButton.PRIMARY).moveBy(0, 90).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x, image.getLayoutX(), 2);
        assertEquals(90 / view.zoom(), image.getLayoutY() - y, 3);
        assertEquals(before, view.positions().get("#2"), "the stage the image feeds stays");
        assertEquals(List.of(), gestures);
    }

    @Test
    void draggingFromTheHandleOntoAnotherNodeConnectsThem() {
        Point2D handle = node(1).handle().localToScreen(0, 0);
        drag(handle, MouseButton.PRIMARY).moveTo(center(node(0))).moveTo(center(node(2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node(2).hasClass("connect-target"), "the node a drop would connect to is marked");
        assertFalse(node(0).hasClass("connect-target"));
        Line band = lookup(".rubber-band").queryAs(Line.class);
        assertTrue(band.isVisible(), "a rubber band follows the mouse");
        drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(node(2).hasClass("connect-target"));
        assertFalse(band.isVisible());
        assertEquals(List.of(new GraphGesture.Connect(1, 2)), gestures);
    }

    @Test
    void shiftDragAlsoConnects() {
        press(KeyCode.SHIFT);
        drag(center(node(0)), MouseButton.PRIMARY).moveTo(center(node(1))).drop();
        release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new GraphGesture.Connect(0, 1)), gestures);
    }

    @Test
    void contextMenuAndDoubleClickBecomeGestures() {
        rightClickOn(center(node(0)));
        clickOn("Rename…");
        doubleClickOn(center(node(2)));
        rightClickOn(center(node(1)));
        clickOn("Move down");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new GraphGesture.Rename(0), new GraphGesture.Open(2), new GraphGesture.Move(1, 1)),
                gestures);
    }

    @Test
    void menuItemsThatCannotApplyDoNothing() {
        rightClickOn(center(node(0)));
        clickOn("Move up");
        type(KeyCode.ESCAPE);
        rightClickOn(center(node(2)));
        clickOn("Set as target");
        type(KeyCode.ESCAPE);
        rightClickOn(center(node(2)));
        clickOn("Move down");
        type(KeyCode.ESCAPE);
        rightClickOn(center(node(2)));
        clickOn("Move up");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new GraphGesture.Move(2, -1)), gestures, "the first stage cannot move up, the last"
                + " cannot move down, the target is the target already");
    }

    @Test
    void anEmptyTextShowsNothingAndTheNextGraphIsLaidOutAgain() {
        interact(() -> view.setGraph(StageGraph.parse("")));
        assertEquals(0, view.nodeCount());
        assertEquals(0, view.canvas().edgeViews().size());
        interact(() -> view.setGraph(StageGraph.parse(TEXT)));
        assertEquals(3, view.nodeCount());
        Map<String, Point2D> p = view.positions();
        assertTrue(p.get("builder").getX() < p.get("#2").getX(), "laid out left to right again: " + p);
    }

    @Test
    void reparsingKeepsNodesWhereTheyWere() {
        interact(() -> node(1).relocate(700, 400));
        Map<String, Point2D> before = view.positions();
        // a stage added at the end, and 'builder' renamed in the text
        String edited = TEXT.replace("AS builder", "AS build").replace("--from=builder", "--from=build")
                + "\nFROM alpine AS extra\n";
        interact(() -> view.setGraph(StageGraph.parse(edited)));
        Map<String, Point2D> after = view.positions();
        assertEquals(before.get("tools"), after.get("tools"));
        assertEquals(before.get("#2"), after.get("#2"));
        assertEquals(before.get("builder"), after.get("build"), "a renamed stage keeps its place");
        Point2D extra = after.get("extra");
        for (String k : List.of("build", "tools", "#2")) {
            Point2D p = after.get(k);
            boolean apart = Math.abs(p.getX() - extra.getX()) >= StageNodeView.WIDTH
                    || Math.abs(p.getY() - extra.getY()) >= StageNodeView.HEIGHT;
            assertTrue(apart, "new stage placed on top of " + k);
        }
    }

    @Test
    void hoveringANodeShowsItsBaseAndLines() {
        moveTo(center(node(0)));
        moveBy(3, 2);
        java.util.function.Supplier<String> shown = () -> listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(null);
        try { // the tooltip's own delay (1 s) passes first
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> shown.get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no tooltip on the hovered node", e);
        }
        assertEquals("builder\nFROM golang:1.22\nlines 1–2", shown.get());
    }

    @Test
    void problemsShowOnTheNodeWithoutLosingTheGraph() {
        interact(() -> view.setProblem(1, "unknown instruction: RUNN"));
        assertEquals("⚠ error", node(1).badgeText());
        Label badge = (Label) node(1).lookup(".stage-badge");
        assertTrue(badge.getWidth() >= badge.prefWidth(-1) - 0.5, "the badge is shown in full, not elided");
        assertEquals(3, view.nodeCount());
        interact(() -> view.setProblem(null, null));
        assertEquals(null, node(1).badgeText());
    }

    @Test
    void exportsPngAndWellFormedSvg(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("graph.png");
        Path svg = dir.resolve("graph.svg");
        GraphExports.png(this, view, png);
        GraphExports.svg(this, view, svg);
        var image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 100, image.getWidth() + "x" + image.getHeight());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String svgText = Files.readString(svg);
        for (String name : List.of("builder", "tools", "#2", "docker/buildx-bin:0.12", "final image")) {
            assertTrue(svgText.contains(">" + name + "<"), name);
        }
    }

    @Test
    void buildStatesShowOnNodesAndTheLegendExplainsThemWhileShown() {
        assertFalse(view.legendShowsBuildStates(), "no build yet, no build states in the legend");
        interact(() -> {
            view.setStageState(0, "cached");
            view.setStageState(2, "running");
        });
        assertTrue(view.canvas().stageNodes().get(0).hasClass("state-cached"));
        assertTrue(view.canvas().stageNodes().get(2).hasClass("state-running"));
        assertTrue(view.legendShowsBuildStates());
        interact(() -> view.setStageState(0, null));
        assertTrue(view.legendShowsBuildStates(), "stage 2 still shows a state");
        interact(() -> view.setStageState(2, null));
        assertFalse(view.legendShowsBuildStates());
    }

    @Test
    void copyLabelsStartPastTheirSourceNodeAndEndBeforeTheirUser() {
        interact(() -> view.setCopyDetail(2, 8, "762 kB")); // as after a build
        WaitForAsyncUtils.waitForFxEvents();
        for (EdgeView e : view.canvas().edgeViews()) {
            if (!e.labelText().isEmpty() && e.toNode().getLayoutX() > e.fromNode().getLayoutX()) {
                assertTrue(e.labelX() + e.labelWidth() <= e.toNode().getLayoutX(), "label '" + e.labelText()
                        + "' ends at " + (e.labelX() + e.labelWidth()) + ", under its user at " + e.toNode().getLayoutX());
            }
            if (!e.labelText().isEmpty()) {
                var source = e.fromNode();
                assertTrue(e.labelX() >= source.getLayoutX() + source.getWidth(),
                        "label '" + e.labelText() + "' at " + e.labelX() + " starts under its source node ending at "
                                + (source.getLayoutX() + source.getWidth()));
            }
        }
        assertTrue(view.canvas().edgeViews().stream().anyMatch(e -> e.labelText().endsWith("\n762 kB")));
    }

    @Test
    void everyCorpusFileRendersOneNodePerStageAndPerExternalImage() {
        for (Path f : Corpus.files()) {
            StageGraph g = StageGraph.parse(Corpus.read(f));
            interact(() -> view.setGraph(g));
            assertEquals(g.stages().size(), view.nodeCount(), f.toString());
            assertEquals(g.external().stream().map(ExternalImage::image).distinct().count(), view.externalCount(),
                    f.toString());
        }
        assertNotEquals(0, view.canvas().edgeViews().size());
    }
}
