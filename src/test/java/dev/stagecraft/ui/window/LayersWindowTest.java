package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.engine.image.TestImages;
import dev.stagecraft.testing.DockerEngine;
import dev.stagecraft.ui.layers.LayersViewModel;
import dev.stagecraft.ui.layers.TreemapLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableRow;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 in the window, on the real engine with images built in the test: the Layers tab's
 * layers and file tree, a click on a COPY --from edge, the Sizes tab's composition, largest files
 * and treemap, and Compare Images over two builds kept across a relaunch.
 */
@Tag("docker")
class LayersWindowTest extends WindowTestBase {
    private static final String DOCKERFILE = """
            FROM stagecraft-test/busybox AS builder
            RUN mkdir /out && head -c %d /dev/zero > /out/blob.bin && echo hi > /out/note.txt

            FROM stagecraft-test/busybox
            RUN head -c 20000 /dev/zero > /junk
            RUN rm /junk
            COPY --from=builder /out /app
            """;

    @TempDir
    Path project;

    @Test
    void theLayersTabShowsEachLayersFilesAndWhatWasWasted() throws Exception {
        DockerEngine.require().close();
        setText(DOCKERFILE.formatted(300_000));
        assertTrue(build().success());
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().layersTab()));
        waitUntil(() -> tree() != null, 60);
        assertEquals(4, lookup("#layers-table").queryTableView().getItems().size(), "busybox's layer and three of the final stage's");

        clickOn(layerRow(7));
        assertEquals(6, area().getCurrentParagraph(), "the caret is on the COPY's line");
        waitUntil(() -> row("/app/blob.bin").isPresent(), 30);
        assertEquals("added", cellTexts(row("/app/blob.bin").get()).get(2));
        assertEquals("300 kB", cellTexts(row("/app/blob.bin").get()).get(1));

        clickOn(layerRow(6));
        waitUntil(() -> row("/junk").isPresent(), 30);
        assertEquals("removed", cellTexts(row("/junk").get()).get(2));
        clickOn(layerRow(5));
        interact(() -> scope().setValue(LayersViewModel.Scope.FILESYSTEM));
        waitUntil(() -> row("/junk").isPresent() && row("/bin").isPresent(), 30);
        TreeTableRow<?> junk = row("/junk").get();
        assertTrue(junk.getPseudoClassStates().contains(PseudoClass.getPseudoClass("wasted")), "wasted rows stand out");
        assertEquals("20 kB, layers 1, 2", cellTexts(junk).get(4), "the bytes and the layers involved");

        clickOn(layerRow(7));
        clickOn("#layers-filter").write("note");
        waitUntil(() -> row("/app/note.txt").isPresent() && row("/app/blob.bin").isEmpty() && tree() != null
                && tree().find("/bin").isEmpty(), 30);
        interact(() -> {
            lookup("#layers-filter").queryAs(TextField.class).clear();
            scope().setValue(LayersViewModel.Scope.LAYER);
        });

        // the second build: the tab follows it
        setText(DOCKERFILE.formatted(400_000));
        assertTrue(build().success());
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().layersTab()));
        waitUntil(() -> tree() != null && lookup("#layers-table").queryTableView().getItems().size() == 4, 60);
        clickOn(layerRow(7));
        try {
            waitUntil(() -> row("/app/blob.bin").isPresent() && "400 kB".equals(cellTexts(row("/app/blob.bin").get()).get(1)), 30);
        } catch (AssertionError e) {
            throw new AssertionError("after the second build: " + shownState(), e);
        }
    }

    /** What the Layers tab shows, for a failure's message. */
    private String shownState() {
        java.util.concurrent.atomic.AtomicReference<String> out = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> {
            LayersViewModel m = window.builds().layersOf(window.session()).layers();
            out.set("status '" + m.statusProperty().get() + "', layer " + m.layerProperty().get() + ", scope "
                    + m.scopeProperty().get() + ", filter '" + m.filterProperty().get() + "', tree "
                    + (m.treeProperty().get() == null ? "none" : m.treeProperty().get().children().stream()
                            .map(c -> c.path() + " " + c.size()).toList())
                    + ", rows " + lookup("#layers-tree .tree-table-row-cell").queryAll().stream()
                            .map(r -> String.valueOf(((TreeTableRow<?>) r).getItem())).toList());
        });
        return out.get();
    }

    @Test
    void clickingACopyEdgeListsTheFilesItCarried() throws Exception {
        DockerEngine.require().close();
        setText(DOCKERFILE.formatted(300_000));
        assertTrue(build().success());
        Shape hit = lookup(".edge-hit").queryAs(Shape.class);
        clickOn(pointOn(hit));
        assertTrue(window.builds().layersTab().isSelected(), "the click shows the Layers tab");
        waitUntil(() -> !lookup("#layers-note").queryAs(Label.class).getText().isEmpty(), 60);
        assertEquals("COPY --from=builder at line 7 carried 2 files, 300 kB",
                lookup("#layers-note").queryAs(Label.class).getText());
        waitUntil(() -> row("/app/blob.bin").isPresent() && row("/app/note.txt").isPresent(), 30);
        assertEquals("3 B", cellTexts(row("/app/note.txt").get()).get(1));
    }

    @Test
    void theSizesTabShowsTheFinalImagesCompositionLargestFilesAndTreemap() throws Exception {
        DockerEngine.require().close();
        setText(DOCKERFILE.formatted(300_000));
        assertTrue(build().success());
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().sizesTab()));
        Label composition = lookup("#sizes-composition").queryAs(Label.class);
        assertTrue(composition.getText().matches("base 1\\.98 MB · copied from other stages 300 kB · own instructions 20 kB"),
                composition.getText());
        waitUntil(() -> !window.builds().sizesModel().largestFiles().isEmpty(), 60);
        assertEquals(List.of("1.98 MB  /bin/busybox  · base image", "300 kB  /app/blob.bin  · line 7"),
                window.builds().sizesModel().largestFiles().subList(0, 2).stream().map(Object::toString).toList());
        dev.stagecraft.ui.layers.Treemap map = lookup("#sizes-treemap").queryAs(dev.stagecraft.ui.layers.Treemap.class);
        waitUntil(() -> !map.tiles().isEmpty(), 30);
        TreemapLayout.Tile app = map.tiles().stream().filter(t -> t.node().path().equals("/app/blob.bin")).findFirst()
                .orElseThrow();
        clickOn(map.localToScreen(app.x() + app.w() / 2, app.y() + app.h() / 2));
        assertTrue(window.builds().layersTab().isSelected(), "a click in the treemap shows the path in the tree");
        waitUntil(() -> selectedPath().equals("/app/blob.bin"), 30);

        // a rebuild says what changed and where
        setText(DOCKERFILE.formatted(1_500_000));
        assertTrue(build().success());
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().sizesTab()));
        waitUntil(() -> !window.builds().sizesModel().changes().isEmpty(), 60);
        assertEquals(List.of("+1.2 MB: /app/blob.bin from line 7"), window.builds().sizesModel().changes());
        assertTrue(lookup("#sizes-changes .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("+1.2 MB: /app/blob.bin from line 7")), "shown under the headline");
    }

    @Test
    void twoBuildsAreComparedAfterARelaunch() throws Exception {
        DockerEngine.require().close();
        Path file = Files.writeString(project.resolve("Dockerfile"), DOCKERFILE.formatted(300_000));
        assertTrue(open(file));
        assertTrue(build().success());
        setText(DOCKERFILE.formatted(400_000));
        assertTrue(build().success());

        // quit, relaunch: the history (with each stage's image) is still there
        shortcut(javafx.scene.input.KeyCode.S);
        waitUntil(() -> !window.document().dirtyProperty().get(), 30);
        shortcut(javafx.scene.input.KeyCode.Q);
        stores.close();
        stores = WindowStores.at(config.resolve("config"), config.resolve("state"));
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        assertTrue(open(file));
        openCompare();
        assertTrue(lookup("#compare-a").queryComboBox().getValue().toString().startsWith("build 2 "));
        assertTrue(lookup("#compare-b").queryComboBox().getValue().toString().startsWith("build 1 "));
        assertEquals(List.of("builder", "#1"), lookup("#compare-stages").queryTableView().getItems().stream()
                .map(r -> ((dev.stagecraft.ui.layers.CompareViewModel.StageRow) r).stage()).toList());
        clickOn("#compare-button");
        waitUntil(() -> lookup("#compare-status").queryAs(Label.class).getText().endsWith("1 path differs"), 60);
        FileNode blob = ((dev.stagecraft.ui.layers.CompareView) lookup(".compare-view").query()).model().treeProperty()
                .get().find("/app/blob.bin").orElseThrow();
        assertEquals(100_000, blob.size(), "+100 kB");
        assertEquals("modified", blob.change().label());
        waitUntil(() -> lookup(".compare-view .tree-table-row-cell").queryAll().stream()
                .anyMatch(r -> r instanceof TreeTableRow<?> t && t.getItem() instanceof FileNode f
                        && f.path().equals("/app/blob.bin")), 30);
    }

    @Test
    void twoImagesTypedByTagAreComparedAndATypoIsOneLine() throws Exception {
        DockerEngine.require().close();
        String a = "stagecraft-test/layersui-compare-a";
        String b = "stagecraft-test/layersui-compare-b";
        TestImages.build(project, a, "FROM stagecraft-test/busybox\nRUN echo one > /kept && head -c 5000 /dev/zero > /gone\n", true);
        TestImages.build(project, b, "FROM stagecraft-test/busybox\nRUN echo one > /kept && head -c 7000 /dev/zero > /new\n", true);
        openCompare();
        clickOn("#compare-a").write(a);
        clickOn("#compare-b").write(b + "x");
        clickOn("#compare-button");
        waitUntil(() -> lookup("#compare-status").queryAs(Label.class).getText().startsWith("Can't compare"), 60);
        assertEquals("Can't compare: no such image: " + b + "x", lookup("#compare-status").queryAs(Label.class).getText());

        interact(() -> lookup("#compare-b").queryComboBox().getEditor().setText(b));
        clickOn("#compare-button");
        waitUntil(() -> lookup("#compare-status").queryAs(Label.class).getText().endsWith("2 paths differ"), 60);
        FileNode diff = ((dev.stagecraft.ui.layers.CompareView) lookup(".compare-view").query()).model().treeProperty().get();
        assertEquals(-5000, diff.find("/gone").orElseThrow().size());
        assertEquals("removed", diff.find("/gone").orElseThrow().change().label());
        assertEquals(7000, diff.find("/new").orElseThrow().size());
        assertTrue(diff.find("/kept").isEmpty(), "unchanged paths are left out");
        waitUntil(() -> lookup(".compare-view .tree-table-row-cell").queryAll().stream()
                .anyMatch(r -> r instanceof TreeTableRow<?> t && t.getItem() instanceof FileNode f
                        && f.path().equals("/new")), 30);
    }

    @Test
    void aLongReadShowsItsProgressIsCancelledAtOnceAndReadsAgainOnRequest() throws Exception {
        DockerEngine.require().close();
        // larger than the Sizes tab reads unasked, so the Layers tab's read is the only one
        setText("FROM stagecraft-test/busybox\nRUN head -c 400000000 /dev/urandom > /big\n");
        assertTrue(build().success());
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().layersTab()));
        Label status = lookup("#layers-status").queryAs(Label.class);
        waitUntil(() -> status.getText().matches("Reading [0-9a-f]{12}: .+ of 40[0-9.]+ MB, .*"), 120);
        assertTrue(lookup("#layers-progress").query().isVisible(), "a progress bar while reading");
        clickOn("#layers-cancel");
        waitUntil(() -> status.getText().equals("Reading #0's layers was cancelled: press Read to read them"), 5);
        assertNull(tree(), "nothing half-read is shown");

        clickOn("#layers-read");
        waitUntil(() -> tree() != null, 180);
        waitUntil(() -> row("/big").isPresent(), 30);
        assertEquals("400 MB", cellTexts(row("/big").get()).get(1));
    }

    // ---- helpers

    private MeasuredBuild build() {
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        waitUntil(() -> !lookup("#build-button").query().isDisabled(), 15);
        clickOn("#build-button");
        waitUntil(() -> window.builds().buildModel().runningProperty().get()
                || window.builds().buildModel().outcomeProperty().get() != null, 5);
        waitUntil(() -> window.builds().buildModel().outcomeProperty().get() != null
                && !window.builds().buildModel().runningProperty().get(), 120);
        WaitForAsyncUtils.waitForFxEvents();
        return window.builds().buildModel().outcomeProperty().get();
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ChoiceBox<LayersViewModel.Scope> scope() {
        return lookup("#layers-scope").queryAs(javafx.scene.control.ChoiceBox.class);
    }

    /** Build ▸ Compare Images… */
    private void openCompare() {
        clickOn(lookup(".menu-bar").lookup((Node n) -> n instanceof MenuButton m && "Build".equals(m.getText().replace("_", "")))
                .queryAs(MenuButton.class));
        clickOn("Compare Images\u2026");
        waitUntil(() -> lookup("#compare-button").tryQuery().isPresent(), 30);
    }

    private FileNode tree() {
        DocumentSession s = window.session();
        return s == null ? null : window.builds().layersOf(s).layers().treeProperty().get();
    }

    private String selectedPath() {
        var selected = lookup("#layers-tree").queryAs(javafx.scene.control.TreeTableView.class).getSelectionModel()
                .getSelectedItem();
        return selected == null ? "" : ((FileNode) ((javafx.scene.control.TreeItem<?>) selected).getValue()).path();
    }

    private Node layerRow(int line) {
        waitUntil(() -> lookup("#layers-table .table-row-cell").queryAll().stream()
                .anyMatch(r -> r instanceof TableRow<?> t && t.getItem() instanceof dev.stagecraft.ui.layers.LayerItem l
                        && l.line() != null && l.line() == line), 30);
        return lookup("#layers-table .table-row-cell").queryAll().stream()
                .filter(r -> r instanceof TableRow<?> t && t.getItem() instanceof dev.stagecraft.ui.layers.LayerItem l
                        && l.line() != null && l.line() == line).findFirst().orElseThrow();
    }

    /** The visible tree row of {@code path} in the Layers tab. */
    private Optional<TreeTableRow<?>> row(String path) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#layers-tree .tree-table-row-cell").queryAll().stream()
                .filter(r -> r instanceof TreeTableRow<?> t && t.isVisible() && t.getItem() instanceof FileNode f
                        && f.path().equals(path))
                .<TreeTableRow<?>>map(r -> (TreeTableRow<?>) r).findFirst();
    }

    private static List<String> cellTexts(TreeTableRow<?> row) {
        return row.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.TreeTableCell)
                .map(n -> ((javafx.scene.control.TreeTableCell<?, ?>) n).getText()).map(t -> t == null ? "" : t).toList();
    }

    /** A point on the edge's stroke, on screen, inside the graph pane and off every node, nearest its middle. */
    private Point2D pointOn(Shape hit) {
        Point2D[] found = new Point2D[1];
        interact(() -> {
            Bounds b = hit.getBoundsInLocal();
            Bounds pane = lookup("#graph-host").query().localToScene(lookup("#graph-host").query().getBoundsInLocal());
            List<Bounds> nodes = lookup(".stage-node").queryAll().stream().map(n -> n.localToScene(n.getBoundsInLocal()))
                    .toList();
            double cx = (b.getMinX() + b.getMaxX()) / 2;
            double cy = (b.getMinY() + b.getMaxY()) / 2;
            double best = Double.MAX_VALUE;
            for (double x = b.getMinX(); x <= b.getMaxX(); x += 1) {
                for (double y = b.getMinY(); y <= b.getMaxY(); y += 1) {
                    Point2D scene = hit.localToScene(x, y);
                    double d = Math.hypot(x - cx, y - cy);
                    if (d < best && hit.contains(x, y) && pane.contains(scene)
                            && nodes.stream().noneMatch(n -> n.contains(scene))) {
                        best = d;
                        found[0] = hit.localToScreen(x, y);
                    }
                }
            }
        });
        assertNotNull(found[0], "a visible point on the COPY edge");
        return found[0];
    }
}
