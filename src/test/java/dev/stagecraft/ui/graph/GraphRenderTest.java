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
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What moby/moby's 37-stage graph looks like: no overlaps, the target, problems, and the export. */
@ExtendWith(ApplicationExtension.class)
class GraphRenderTest extends FxRobot {
    private GraphView view;
    private StageGraph moby;

    @Start
    void start(javafx.stage.Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        view = new GraphView();
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        moby = StageGraph.parse(Corpus.read(Corpus.file("008-")));
        view.setGraph(moby);
    }

    @AfterAll
    static void backToTheLightTheme() {
        WaitForAsyncUtils.asyncFx(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePngHasTheWholeGraphNotJustTheVisiblePart(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("moby.png");
        GraphExports.png(this, view, png);
        double width = 0;
        double height = 0;
        for (Region r : view.canvas().allNodes()) {
            width = Math.max(width, r.getBoundsInParent().getMaxX());
            height = Math.max(height, r.getBoundsInParent().getMaxY());
        }
        var image = ImageIO.read(png.toFile());
        assertTrue(width > 1200 || height > 700, "moby is larger than the pane");
        double scale = GraphExport.scale(width, height); // 2, or less to stay under 24 MP
        assertTrue(image.getWidth() >= scale * width - 60 && image.getHeight() >= scale * height - 60,
                image.getWidth() + "x" + image.getHeight() + " for a graph of " + width + "x" + height);
    }

    @Test
    void mobysNodesDoNotOverlap() {
        List<Region> nodes = view.canvas().allNodes();
        assertEquals(37 + moby.external().stream().map(x -> x.image()).distinct().count(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Bounds a = nodes.get(i).getBoundsInParent();
                Bounds b = nodes.get(j).getBoundsInParent();
                assertFalse(a.intersects(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2),
                        nodes.get(i) + " overlaps " + nodes.get(j));
            }
        }
    }

    @Test
    void theLabelsOfEdgesLeavingOneNodeDoNotCoverEachOther() {
        interact(() -> view.setGraph(StageGraph.parse("""
                FROM golang AS build
                RUN make
                FROM alpine AS tools
                COPY --from=build /out/tool /usr/bin/tool
                FROM scratch
                COPY --from=build /out/app /app
                COPY --from=build /out/lib /lib
                COPY --from=tools /usr/bin/tool /tool
                """)));
        interact(() -> {
            view.zoom(1); // zoomed in, labels show
            view.layout();
        });
        List<EdgeView> labelled = view.canvas().edgeViews().stream().filter(e -> !e.labelText().isEmpty()).toList();
        assertEquals(4, labelled.size());
        for (EdgeView a : labelled) {
            for (EdgeView b : labelled) {
                if (a != b && a.fromNode() == b.fromNode()) {
                    Bounds la = a.lookup(".edge-label").getBoundsInParent();
                    Bounds lb = b.lookup(".edge-label").getBoundsInParent();
                    assertFalse(la.intersects(lb), a.labelText() + " and " + b.labelText() + " overlap");
                }
            }
        }
    }

    @Test
    void theTargetIsTheFinalImageAndWhatItDoesNotNeedIsDimmed() {
        List<StageNodeView> nodes = view.canvas().stageNodes();
        int target = moby.target();
        assertTrue(nodes.get(target).hasClass("target"));
        for (Stage s : moby.stages()) {
            assertEquals(!moby.isNeeded(s.index()), nodes.get(s.index()).hasClass("unused"), s.displayName());
        }
        int base = moby.stages().stream().filter(s -> "base".equals(s.name())).findFirst().orElseThrow().index();
        interact(() -> view.setTarget(base));
        assertTrue(nodes.get(base).hasClass("target"));
        assertFalse(nodes.get(target).hasClass("target"));
        assertTrue(nodes.get(target).hasClass("unused"), "the old target is not needed to build 'base'");
        assertEquals(1, nodes.stream().filter(n -> !n.hasClass("unused")).count());
    }

    @Test
    void problemsOutsideAnyStageShowAsABanner() {
        interact(() -> view.setProblem(null, "Line 1: unknown instruction: FRM"));
        Label banner = lookup(".graph-banner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertEquals("Line 1: unknown instruction: FRM", banner.getText());
        assertEquals(37, view.nodeCount(), "the last good graph stays");
        interact(() -> view.setProblem(3, "Line 80: bad flag"));
        assertFalse(banner.isVisible());
        assertEquals("⚠ error", view.canvas().stageNodes().get(3).badgeText());
        interact(() -> view.setGraph(moby));
        assertEquals("⚠ error", view.canvas().stageNodes().get(3).badgeText(), "until the window clears it");
        interact(() -> view.setProblem(null, null));
        assertEquals(null, view.canvas().stageNodes().get(3).badgeText());
    }

    @Test
    void theSvgHasEveryStageEveryEdgeAndTheDarkThemesColours(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("moby.svg");
        GraphExports.svg(this, view, svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList titles = doc.getElementsByTagName("title");
        List<String> named = new java.util.ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            named.add(titles.item(i).getTextContent());
        }
        for (Stage s : moby.stages()) {
            assertTrue(named.contains(s.displayName()), s.displayName());
        }
        assertEquals(moby.edges().size() + moby.external().size() + 3, doc.getElementsByTagName("path").getLength(),
                "one path per edge, and the legend's three samples");
        assertTrue(Files.readString(svg).contains(">COPY --from (copied path)<"), "the legend");
        String text = Files.readString(svg);
        assertTrue(text.contains("stroke-dasharray:7 4") && text.contains("stroke-dasharray:2 3"), "dash styles");
        String fill = doc.getElementsByTagName("rect").item(0).getAttributes().getNamedItem("fill").getNodeValue();
        assertTrue(Color.web(fill).getBrightness() < 0.3, "the dark theme's background, not white: " + fill);
    }
}
