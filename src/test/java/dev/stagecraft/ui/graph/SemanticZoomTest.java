package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoomed out nodes are names only and labels show on hover; zoomed in, the full node; badges never cut text. */
@ExtendWith(ApplicationExtension.class)
class SemanticZoomTest extends FxRobot {
    private GraphView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new GraphView();
        stage.setScene(new Scene(view, 1000, 640));
        stage.show();
        view.setGraph(StageGraph.parse(Corpus.read(Corpus.file("066-"))));
    }

    private StageNodeView node(String name) {
        return view.canvas().stageNodes().stream().filter(n -> n.nameText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void zoomedOutNodesShowTheirNameAloneAndLabelsOnHover() {
        interact(() -> view.zoom(0.5));
        StageNodeView build = node("build");
        assertTrue(build.compact());
        assertFalse(build.showsDetails(), "no details when compact");
        assertTrue(build.nameNode().getFont().getSize() * view.zoom() >= 9.9 || view.zoom() < GraphView.READABLE_ZOOM,
                "the name stays legible");
        EdgeView copy = view.canvas().edgeViews().stream().filter(e -> e.fromNode() == build && !e.text().isEmpty())
                .findFirst().orElseThrow();
        assertEquals("", copy.labelText(), "labels hide zoomed out");
        interact(() -> view.reveal(view.canvas().stageNodes().indexOf(build)));
        moveTo(build.localToScreen(10, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(copy.text(), copy.labelText(), "hovering a node shows its edges' labels");
        moveTo(view.localToScreen(2, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", copy.labelText());
        interact(() -> view.zoom(1));
        assertFalse(build.compact());
        assertTrue(build.showsDetails());
        assertEquals(copy.text(), copy.labelText(), "zoomed in, labels show");
        assertTrue(build.detailsText().endsWith("instructions"), build.detailsText());
    }

    @Test
    void badgesNeverCutANodesText() {
        interact(() -> {
            view.zoom(1);
            for (int i = 0; i < view.nodeCount(); i++) {
                view.setStageBadge(i, i % 2 == 0 ? "574.3 MB" : "1.21 GB");
            }
            view.setProblem(2, "bad flag");
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> view.layout());
        for (StageNodeView n : view.canvas().stageNodes()) {
            Label badge = n.badgeLabel();
            assertTrue(badge.getWidth() >= badge.prefWidth(-1) - 0.5, n.nameText() + ": '" + badge.getText()
                    + "' is cut to " + badge.getWidth() + " of " + badge.prefWidth(-1));
            assertEquals(List.of(), cut(n, n.nameNode(), n.nameText(), badge.getBoundsInParent().getMinX()));
            assertEquals(List.of(), cut(n, n.detailsNode(), n.detailsText(), badge.getBoundsInParent().getMinX()));
            assertTrue(badge.getBoundsInParent().getMaxX() <= n.getWidth() + 0.5, n.nameText() + ": the badge reaches "
                    + badge.getBoundsInParent().getMaxX() + " in a node " + n.getWidth() + " wide");
        }
    }

    /**
     * How {@code text} of node {@code n} is cut, if it is: not shown whole ({@code whole}), or
     * drawn past the node's padding or into a badge that starts at {@code badgeX} beside it.
     */
    private static List<String> cut(StageNodeView n, Text text, String whole, double badgeX) {
        List<String> out = new ArrayList<>();
        Bounds b = text.getBoundsInParent();
        if (!whole.equals(text.getText())) {
            out.add(n.nameText() + ": '" + whole + "' shows as '" + text.getText() + "'");
        }
        if (b.getMaxX() > n.getWidth() - n.body().getInsets().getRight() + 0.5) {
            out.add(n.nameText() + ": '" + whole + "' ends at " + b.getMaxX() + " in a node " + n.getWidth() + " wide");
        }
        boolean sameRow = n.badgeLabel() != null && badgeX > b.getMinX()
                && Math.abs(b.getCenterY() - n.badgeLabel().getBoundsInParent().getCenterY()) < 4;
        if (sameRow && b.getMaxX() > badgeX + 0.5) {
            out.add(n.nameText() + ": '" + whole + "' runs into the badge at " + badgeX);
        }
        return out;
    }

    @Test
    void aRenamedStageWithALongNameGrowsItsNode() {
        String longName = "a-stage-with-a-rather-long-name";
        interact(() -> {
            view.zoom(1);
            view.setGraph(StageGraph.parse(Corpus.read(Corpus.file("066-")).replace(" AS build", " AS " + longName)
                    .replace("--from=build", "--from=" + longName)));
            view.applyCss();
            view.layout();
        });
        interact(() -> view.layout());
        StageNodeView n = node(longName);
        assertFalse(n.compact());
        assertEquals(List.of(), cut(n, n.nameNode(), longName, Double.MAX_VALUE), "the node grew for its new name: "
                + n.getWidth() + " wide");
    }

    @Test
    void zoomedOutARenamedStagesLongerNameShowsWholeWithABadgeOrFindingsBesideIt() {
        // longer than a node's usual width in the large compact font, shorter than the widest node
        String longName = "a-longer-stage-name";
        interact(() -> {
            view.setGraph(StageGraph.parse(Corpus.read(Corpus.file("066-")).replace(" AS build", " AS " + longName)
                    .replace("--from=build", "--from=" + longName)));
            view.zoom(0.5);
            view.applyCss();
            view.layout();
        });
        interact(() -> view.layout());
        StageNodeView n = node(longName);
        assertTrue(n.compact());
        assertEquals(List.of(), cut(n, n.nameNode(), longName, Double.MAX_VALUE), "compact, nothing beside it: " + n.getWidth() + " wide, box " + n.boxWidth() + ", font " + n.nameNode().getFont());
        int i = view.canvas().stageNodes().indexOf(n);
        interact(() -> {
            view.setStageBadge(i, "574.3 MB");
            view.applyCss();
            view.layout();
        });
        interact(() -> view.layout());
        assertEquals(List.of(), cut(n, n.nameNode(), longName, n.badgeLabel().getBoundsInParent().getMinX()),
                "compact, a size badge beside it: " + n.getWidth() + " wide");
        interact(() -> {
            n.setFindings(12, "warning", null);
            view.applyCss();
            view.layout();
        });
        interact(() -> view.layout());
        assertEquals(List.of(), cut(n, n.nameNode(), longName, n.badgeLabel().getBoundsInParent().getMinX()),
                "compact, a size badge and findings beside it: " + n.getWidth() + " wide");
    }
}
