package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.graph.GraphFocus;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph's items in the window, driven as a user does: View ▸ Maximize Graph and back (the
 * dividers as they were, also after a relaunch), the focus, images and legend items for the
 * document shown, Find Stage from the text, and the pane keys Ctrl+1/2/3.
 */
class GraphWindowTest extends WindowTestBase {
    private static final String FOUR = """
            FROM busybox AS base
            FROM base AS build
            COPY --from=docker/buildx-bin /buildx /usr/bin/
            RUN make
            FROM base AS tools
            FROM scratch AS final
            COPY --from=build /a /a
            """;

    @TempDir
    Path dir;

    private Node graphNode() {
        return window.graph().node();
    }

    private Bounds onScreen(Node n) {
        return n.localToScreen(n.getBoundsInLocal());
    }

    private long shown(String css) {
        return lookup(css).queryAll().stream().filter(GraphWindowTest::seen)
                .filter(n -> !n.getStyleClass().contains("legend-sample"))
                .filter(n -> n.getScene() == window.scene()).count();
    }

    /** Drawn: the node and every parent visible. */
    private static boolean seen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void maximizeKey() {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void maximizeGraphGivesTheGraphTheCentreAndGivesItBackWithTheDividersAsTheyWere() {
        SplitPane split = lookup("#graph-and-text").queryAs(SplitPane.class);
        SplitPane vertical = lookup("#top-and-bottom").queryAs(SplitPane.class);
        interact(() -> {
            window.stage().setWidth(1000);
            split.setDividerPositions(0.3);
            vertical.setDividerPositions(0.6);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double before = onScreen(graphNode()).getWidth();
        Bounds centre = onScreen(vertical);

        clickOn(area());
        maximizeKey();
        interact(() -> window.scene().getRoot().layout());
        Bounds big = onScreen(graphNode());
        assertTrue(big.getWidth() > 0.97 * centre.getWidth() && big.getHeight() > 0.97 * centre.getHeight(),
                "the graph takes the whole centre: " + big + " of " + centre);
        assertTrue(big.getWidth() > 2.5 * before, "wider than beside the text: " + before + " -> " + big.getWidth());
        assertTrue(graphNode().isFocused() || graphNode().lookup(":focused") != null, "the graph has the keyboard");
        clickOn("View");
        assertTrue(((CheckMenuItem) viewItem("Maximize Graph")).isSelected(), "View ▸ Maximize Graph is ticked");
        clickOn("Maximize Graph");
        assertFalse(window.space().isMaximized());
        assertEquals(before, onScreen(graphNode()).getWidth(), 2, "back beside the text");
        assertEquals(0.3, split.getDividerPositions()[0], 0.01);
        assertEquals(0.6, vertical.getDividerPositions()[0], 0.01);
        assertFalse(lookup("#maximize-graph-button").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void aViewTheUserChoseKeepsItsMiddleWhenTheGraphIsMaximizedAndBack() {
        setText(FOUR);
        interact(() -> window.graph().node().requestFocus());
        type(KeyCode.EQUALS); // zoom in on the graph: the view is now the user's
        Node build = lookup(".stage-node").match(n -> n.lookupAll(".node-name").stream()
                .anyMatch(c -> "build".equals(((Text) c).getText()))).query();
        javafx.geometry.Point2D before = offsetFromMiddle(build);
        clickOn("#maximize-graph-button");
        assertEquals(before.getX(), offsetFromMiddle(build).getX(), 3, "maximized");
        assertEquals(before.getY(), offsetFromMiddle(build).getY(), 3 + legendShift(), "maximized");
        clickOn("#maximize-graph-button");
        assertEquals(before.getX(), offsetFromMiddle(build).getX(), 3, "back");
        assertEquals(before.getY(), offsetFromMiddle(build).getY(), 3 + legendShift(), "back");
    }

    /** The legend below the graph may take another height in another width: the middle moves by half. */
    private double legendShift() {
        return 20;
    }

    private javafx.geometry.Point2D offsetFromMiddle(Node stage) {
        Bounds pane = onScreen(graphNode());
        Bounds node = onScreen(stage);
        return new javafx.geometry.Point2D(node.getCenterX() - pane.getCenterX(), node.getCenterY() - pane.getCenterY());
    }

    @Test
    void everyToolbarButtonIsShownInAThousandPixelWindow() {
        interact(() -> window.stage().setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToolBar bar = lookup(".main-toolbar").queryAs(javafx.scene.control.ToolBar.class);
        for (Node item : bar.getItems()) {
            assertTrue(item.getScene() == window.scene() && seen(item),
                    "in the overflow menu, not on the bar: " + item + " " + bar.getWidth() + " "
                    + bar.getItems().stream().map(i -> i.prefWidth(-1)).collect(java.util.stream.Collectors.toList()));
        }
    }

    @Test
    void theDividersSurviveAQuitWhileTheGraphIsMaximized() {
        SplitPane split = lookup("#graph-and-text").queryAs(SplitPane.class);
        interact(() -> split.setDividerPositions(0.35));
        clickOn("#maximize-graph-button");
        assertTrue(window.space().isMaximized());
        shortcut(KeyCode.Q);
        assertFalse(window.stage().isShowing());
        stores.close();
        stores = WindowStores.at(config.resolve("config"), config.resolve("state"));
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        SplitPane again = (SplitPane) window.scene().getRoot().lookup("#graph-and-text");
        waitUntil(() -> Math.abs(again.getDividerPositions()[0] - 0.35) < 0.02);
        assertFalse(window.space().isMaximized(), "a new window starts with the text beside the graph");
    }

    @Test
    void enterOnAStageWhileMaximizedBringsTheTextBackWithTheCaretOnItsFromLine() {
        setText(FOUR);
        interact(() -> window.space().setMaximized(true));
        interact(() -> {
            graphNode().requestFocus();
            window.graph().select(3);
        });
        type(KeyCode.ENTER);
        assertFalse(window.space().isMaximized(), "the text is shown again");
        assertEquals(5, area().getCurrentParagraph(), "the caret is on final's FROM line");
        assertTrue(area().isFocused());
    }

    @Test
    void viewItemsActOnTheShownDocumentAndTheirTicksFollowIt() throws Exception {
        Path a = dir.resolve("a.Dockerfile");
        Path b = dir.resolve("b.Dockerfile");
        Files.writeString(a, FOUR);
        Files.writeString(b, FOUR);
        assertTrue(open(a));
        assertEquals(4, shown(".stage-node"));
        assertEquals(1, shown(".external-node"));

        clickOn("View").clickOn("Only What the Target Needs");
        assertEquals(GraphFocus.TARGET, window.graph().focus());
        assertEquals(3, shown(".stage-node"), "tools is hidden: final does not need it");
        clickOn("View").clickOn("Collapse External Images");
        assertEquals(0, shown(".external-node"));
        clickOn("View").clickOn("Show Legend");
        assertTrue(window.graph().legendCollapsed());
        assertTrue(lookup(".legend-toggle").queryAs(Labeled.class).getText().contains("\u25B8"), "folded to its toggle");
        clickOn("View").clickOn("Show Overview");
        assertTrue(window.graph().overviewCollapsed());
        assertTrue(lookup(".minimap-toggle").queryAs(Labeled.class).getText().contains("\u25B8"), "folded to its toggle");

        assertTrue(open(b));
        assertEquals(4, shown(".stage-node"), "b's pane has its own focus");
        clickOn("View");
        assertTrue(((RadioMenuItem) viewItem("Show All Stages")).isSelected());
        assertFalse(((CheckMenuItem) viewItem("Collapse External Images")).isSelected());
        assertTrue(((CheckMenuItem) viewItem("Show Legend")).isSelected());
        assertTrue(((CheckMenuItem) viewItem("Show Overview")).isSelected());
        type(KeyCode.ESCAPE);

        assertTrue(open(a));
        clickOn("View");
        assertTrue(((RadioMenuItem) viewItem("Only What the Target Needs")).isSelected(), "a is as it was left");
        assertTrue(((CheckMenuItem) viewItem("Collapse External Images")).isSelected());
        assertFalse(((CheckMenuItem) viewItem("Show Legend")).isSelected());
        assertFalse(((CheckMenuItem) viewItem("Show Overview")).isSelected());
        clickOn("Show All Stages");
        assertEquals(4, shown(".stage-node"));
    }

    @Test
    void findStageFromTheTextSelectsTheStageTyped() {
        setText(FOUR);
        clickOn(area());
        shortcut(KeyCode.K);
        TextField field = lookup(".find-stage-field").queryAs(TextField.class);
        assertTrue(field.isVisible() && field.isFocused(), "Find Stage opens over the graph");
        write("tool");
        assertEquals(Integer.valueOf(2), window.graph().selectedStageProperty().get());
        type(KeyCode.ENTER);
        assertFalse(seen(field), "Enter closes Find Stage");
        assertEquals(Integer.valueOf(2), window.graph().selectedStageProperty().get(), "tools stays selected");
    }

    @Test
    void ctrlOneTwoThreeMoveTheKeyboardBetweenGraphTextAndTabs() {
        setText(FOUR);
        clickOn(area());
        shortcut(KeyCode.DIGIT1);
        assertTrue(graphNode().isFocused(), "Ctrl+1: the graph");
        assertNotNull(window.graph().selectedStageProperty().get(), "a stage is selected, so the arrows work at once");
        type(KeyCode.RIGHT);
        shortcut(KeyCode.DIGIT2);
        assertTrue(area().isFocused(), "Ctrl+2: the text");
        shortcut(KeyCode.DIGIT3);
        assertTrue(window.bottomTabs().isFocused(), "Ctrl+3: the tabs");
        type(KeyCode.RIGHT);
        assertEquals("build-tab", window.bottomTabs().getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void mobyOpensInTheDefaultWindowWithItsNamesReadable() {
        assertTrue(open(Corpus.file("008-")));
        waitUntil(() -> window.graph().nodeCount() == 37);
        Node name = lookup(".node-name").match(Node::isVisible).query();
        Bounds b = onScreen(name);
        double fontPx = ((Text) name).getFont().getSize() * b.getHeight() / name.getBoundsInLocal().getHeight();
        assertTrue(fontPx >= 10, "names drawn at " + fontPx + " px");
    }

    @Test
    void exportWritesTheShownGraphOffTheFxThread() throws Exception {
        setText(FOUR);
        Path png = dir.resolve("stages.png");
        Path svg = dir.resolve("stages.svg");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> pngDone =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> svgDone =
                new java.util.concurrent.atomic.AtomicReference<>();
        // the FX thread watch fails this test if encoding or writing happens on the FX thread
        interact(() -> {
            pngDone.set(GraphFileExport.export(window.graph(), png, GraphFileExport.Format.PNG));
            svgDone.set(GraphFileExport.export(window.graph(), svg, GraphFileExport.Format.SVG));
        });
        assertEquals(png, pngDone.get().get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(svg, svgDone.get().get(20, java.util.concurrent.TimeUnit.SECONDS));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 200 && image.getHeight() > 100, image.getWidth() + "x" + image.getHeight());
        String text = Files.readString(svg);
        assertTrue(text.contains(">final<") && text.contains(">tools<"), "the SVG names the stages");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.toString().endsWith(".tmp")).count(), "no temporary file left");
        }
    }

    @Test
    void anExportToAMissingFolderFailsInOneLine() {
        setText(FOUR);
        Path file = dir.resolve("gone").resolve("stages.png");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Path>> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> done.set(GraphFileExport.export(window.graph(), file, GraphFileExport.Format.PNG)));
        java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> done.get().get(20, java.util.concurrent.TimeUnit.SECONDS));
        String line = GraphFileExport.describe(file, failed.getCause());
        assertEquals("Cannot write stages.png: the folder " + dir.resolve("gone") + " does not exist.", line);
    }

    @Test
    void f1ListsEveryKeyAndFiltersThem() {
        clickOn(area());
        type(KeyCode.F1);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<ShortcutTable.Row> table =
                lookup("#shortcut-table").queryAs(javafx.scene.control.TableView.class);
        java.util.List<String> lines = table.getItems().stream().map(r -> r.keys() + " | " + r.does())
                .collect(java.util.stream.Collectors.toList());
        String all = String.join("\n", lines);
        for (String expected : new String[] {"View \u25B8 Maximize Graph", "View \u25B8 Find Stage", "Help \u25B8 Keyboard Shortcuts",
                "File \u25B8 Open", "Build \u25B8", "F2 | rename", "Delete | delete", "Shift+F10", "Ctrl+Space",
                "Ctrl+1", "Ctrl+2", "Ctrl+3", "Alt+F"}) {
            assertTrue(all.contains(expected), expected + " is not listed:\n" + all);
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            Labeled header = (Labeled) n;
            assertEquals(header.getText(), ((javafx.scene.text.Text) header.lookup(".text")).getText(), "a header is cut");
        }
        for (Node n : table.lookupAll(".shortcut-text")) {
            javafx.scene.text.Text text = (javafx.scene.text.Text) n;
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) text.getParent();
            if (seen(cell) && !text.getText().isEmpty()) {
                assertTrue(text.getBoundsInParent().getMaxY() <= cell.getHeight() + 0.5
                        && text.getBoundsInParent().getMaxX() <= cell.getWidth() + 0.5,
                        "'" + text.getText() + "' is cut: " + text.getBoundsInParent() + " in " + cell.getWidth() + "x" + cell.getHeight());
            }
        }
        javafx.stage.Window dialog = table.getScene().getWindow();
        assertTrue(dialog.getWidth() >= 800, "the dialog is " + dialog.getWidth() + " px wide");
        for (Node n : table.lookupAll(".table-cell")) {
            Labeled cell = (Labeled) n;
            if (cell.getText() != null && !cell.getText().isEmpty() && seen(cell)) {
                assertEquals(cell.getText(), ((javafx.scene.text.Text) cell.lookup(".text")).getText(), "a cell is cut");
            }
        }
        clickOn("#shortcut-filter").write("zoom");
        assertTrue(table.getItems().size() >= 3 && table.getItems().stream()
                .allMatch(r -> (r.keys() + r.does() + r.where()).toLowerCase(java.util.Locale.ROOT).contains("zoom")),
                "only the zoom keys: " + table.getItems());
    }

    private MenuItem viewItem(String text) {
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }
}
