package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Focus modes on moby/moby: what shows, what the export and Mermaid contain, and that the whole graph comes back. */
@ExtendWith(ApplicationExtension.class)
class GraphFocusTest extends FxRobot {
    private GraphView view;
    private StageGraph moby;

    @Start
    void start(javafx.stage.Stage stage) {
        view = new GraphView();
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
        moby = StageGraph.parse(Corpus.read(Corpus.file("008-")));
        view.setGraph(moby);
    }

    private int index(String name) {
        return moby.stages().stream().filter(s -> name.equals(s.name())).findFirst().orElseThrow().index();
    }

    @Test
    void onlyWhatTheTargetNeedsShowsTheNeededStagesFittedAndTheWholeGraphComesBack() {
        Map<String, Point2D> before = view.positions();
        interact(() -> {
            view.setFocus(GraphFocus.TARGET);
            view.layout();
        });
        assertEquals(moby.needed(), view.shownStages());
        assertTrue(moby.needed().size() < moby.stages().size(), "moby's target does not need every stage");
        for (StageNodeView n : view.canvas().stageNodes()) {
            assertEquals(moby.isNeeded(n.stage().index()), n.isVisible(), n.nameText());
        }
        for (EdgeView e : view.canvas().edgeViews()) {
            assertEquals(e.fromNode().isVisible() && e.toNode().isVisible(), e.isVisible());
        }
        assertTrue(view.canvas().shownEdges().stream().allMatch(EdgeView::routed), "the shown part is laid out anew");
        assertEquals(before, view.positions(), "the saved places are the whole graph's");
        interact(() -> view.setFocus(GraphFocus.ALL));
        assertEquals(before, view.positions());
        assertEquals(moby.stages().size(), view.shownStages().size());
        for (StageNodeView n : view.canvas().stageNodes()) {
            assertEquals(before.get(n.key()), new Point2D(n.getLayoutX(), n.getLayoutY()), n.key() + " is back");
        }
    }

    @Test
    void focusOnSelectionShowsWhatItDependsOnAndWhatDependsOnIt() {
        int devBase = index("dev-base");
        interact(() -> {
            view.select(devBase);
            view.setFocus(GraphFocus.SELECTION);
        });
        List<Integer> shown = view.shownStages();
        assertTrue(shown.contains(devBase));
        assertTrue(shown.contains(index("base")), "dev-base is built FROM base");
        assertTrue(shown.contains(index("dev")), "dev builds on dev-base");
        assertTrue(shown.size() < moby.stages().size(), "some stages neither feed nor use dev-base");
        for (Stage s : moby.stages()) {
            int i = s.index();
            boolean related = i == devBase || GraphFocus.TARGET.shown(moby, devBase, null).get(i)
                    || GraphFocus.TARGET.shown(moby, i, null).get(devBase);
            assertEquals(related, shown.contains(i), s.displayName() + (related ? " is" : " is not") + " related to dev-base");
        }
        assertEquals(Integer.valueOf(devBase), view.selectedStageProperty().get(), "the selection stays");
    }

    @Test
    void exportsAndMermaidHoldTheShownStagesOnly(@TempDir Path dir) throws Exception {
        interact(() -> view.setFocus(GraphFocus.TARGET));
        Path svg = dir.resolve("focus.svg");
        GraphExports.svg(this, view, svg);
        String text = Files.readString(svg);
        String mermaid = view.mermaid();
        for (Stage s : moby.stages()) {
            boolean shown = moby.isNeeded(s.index());
            assertEquals(shown, text.contains("<title>" + s.displayName() + "</title>"), s.displayName() + " in the SVG");
            assertEquals(shown, mermaid.contains("  s" + s.index() + "[\""), s.displayName() + " in the Mermaid text");
        }
        long edges = moby.edges().stream().filter(e -> moby.isNeeded(e.from()) && moby.isNeeded(e.to())).count();
        assertEquals(edges, mermaid.lines().filter(l -> l.matches("  s\\d+ .*s\\d+")).count(), mermaid);
    }

    @Test
    void collapsedImagesBecomeACountOnTheirUsers() {
        StageGraph buildx = Corpus.files().stream().map(f -> StageGraph.parse(Corpus.read(f)))
                .filter(g -> !g.external().isEmpty()).findFirst().orElseThrow();
        interact(() -> view.setGraph(buildx));
        assertTrue(view.externalCount() > 0, "buildx copies from images");
        interact(() -> view.setImagesCollapsed(true));
        assertTrue(view.canvas().externalNodes().values().stream().noneMatch(javafx.scene.Node::isVisible));
        assertTrue(view.canvas().shownEdges().stream().noneMatch(e -> e.fromNode() instanceof ExternalImageView));
        Map<Integer, List<String>> uses = buildx.external().stream().collect(Collectors.groupingBy(x -> x.to(),
                Collectors.mapping(x -> x.image(), Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().distinct().toList()))));
        uses.forEach((stage, images) -> {
            StageNodeView n = view.canvas().stageNodes().get(stage);
            assertEquals(images, n.images());
            String count = images.size() == 1 ? "1 image" : images.size() + " images";
            assertTrue(n.detailsText().endsWith(count) || n.compact(), n.detailsText());
        });
        assertFalse(view.mermaid().contains("external;"), "no image nodes in the Mermaid text either");
        interact(() -> view.setImagesCollapsed(false));
        assertTrue(view.canvas().externalNodes().values().stream().allMatch(javafx.scene.Node::isVisible));
        assertTrue(view.mermaid().contains("external;"));
    }

    @Test
    void aFocusFollowsTheTextAndFindStageLeavesItForAHiddenStage() {
        interact(() -> view.setFocus(GraphFocus.TARGET));
        int binary = index("binary");
        assertFalse(view.canvas().stageNodes().get(binary).isVisible());
        interact(() -> view.setGraph(StageGraph.parse(Corpus.read(Corpus.file("008-")) + "\nFROM scratch AS extra\n")));
        assertEquals(List.of(moby.stages().size()), view.shownStages(), "the new last stage is the target; it needs nothing");
        interact(() -> view.setGraph(moby));
        interact(() -> assertEquals(Integer.valueOf(binary), view.findStage("binary")));
        assertEquals(GraphFocus.ALL, view.focus(), "Find Stage shows everything to find a hidden stage");
        assertTrue(view.canvas().stageNodes().get(binary).isVisible());
    }
}
