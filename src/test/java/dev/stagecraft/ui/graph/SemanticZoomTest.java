package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
        assertTrue(build.nameLabel().getFont().getSize() * view.zoom() >= 9.9 || view.zoom() < GraphView.READABLE_ZOOM,
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
            for (Label l : new Label[] {n.nameLabel(), n.detailsLabel(), n.badgeLabel()}) {
                assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, n.nameText() + ": '" + l.getText() + "' is cut to "
                        + l.getWidth() + " of " + l.prefWidth(-1));
            }
        }
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
        assertTrue(n.nameLabel().getWidth() >= n.nameLabel().prefWidth(-1) - 0.5, "the name fits: " + n.getWidth()
                + " compact " + n.compact() + " zoom " + view.zoom() + " name " + n.nameLabel().getWidth() + " of "
                + n.nameLabel().prefWidth(-1) + " body " + n.body().prefWidth(-1));
    }
}
