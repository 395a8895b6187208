package dev.stagecraft.ui.window;

import dev.stagecraft.project.Template;
import dev.stagecraft.ui.Tips;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.graph.GraphFocus;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.IntConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import org.fxmisc.richtext.CodeArea;

/**
 * The menu bar and toolbar of the main window, with the platform's usual shortcuts (Shortcut is
 * Ctrl, or Cmd on macOS). Items only forward to the window's actions. FX thread only.
 */
final class MainMenu {
    static final KeyCombination FIND_STAGE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination MAXIMIZE = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination SHORTCUTS = new KeyCodeCombination(KeyCode.F1);
    private static final java.util.Map<GraphFocus, String> FOCUS_TITLES = java.util.Map.of(
            GraphFocus.ALL, "Show All Stages",
            GraphFocus.TARGET, "Only What the Target Needs",
            GraphFocus.SELECTION, "Focus on Selection");

    private final MainWindow window;
    private final MenuBar menuBar = new MenuBar();
    private final ToolBar toolBar = new ToolBar();
    /** Sets the View menu's ticks from the current document's pane. */
    private Runnable syncView = () -> { };

    MainMenu(MainWindow window) {
        this.window = window;
        menuBar.setUseSystemMenuBar(true);
        menuBar.getMenus().addAll(fileMenu(), editMenu(), stageMenu(), buildMenu(), viewMenu(), helpMenu());
        toolBar.getItems().addAll(
                tool("New", "New empty Dockerfile (Ctrl+N)", window.files()::newEmpty),
                tool("Open", "Open a Dockerfile (Ctrl+O)", window.files()::open),
                tool("Save", "Save (Ctrl+S)", window.files()::save),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                tool("Undo", "Undo (Ctrl+Z)", () -> area().undo()),
                tool("Redo", "Redo (Ctrl+Y)", () -> area().redo()),
                tool("Find", "Find (Ctrl+F)", () -> window.editor().findBar().showFind()),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                tool("Add stage", "Add a stage", () -> window.gestures().addStage(window.currentStage().orElse(null))),
                tool("Set target", "Build up to the selected stage", () -> onStage(window.gestures()::setTarget)),
                tool("Build", "Build the target (Ctrl+B)", () -> window.builds().build()),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                tool("+", "Zoom in (Ctrl+=; + on the graph)", () -> window.graph().zoomIn()),
                tool("\u2212", "Zoom out (Ctrl+-; - on the graph)", () -> window.graph().zoomOut()),
                tool("Fit", "Fit the graph (Ctrl+0; 0 on the graph)", () -> window.graph().fit()),
                tool("Find stage\u2026", "Find a stage by name or base image (Ctrl+K)", () -> window.graph().showFindStage()),
                maximizeButton());
        toolBar.getStyleClass().add("main-toolbar");
    }

    /** The toolbar's Maximize Graph toggle, in step with the View menu's. */
    private ToggleButton maximizeButton() {
        ToggleButton b = new ToggleButton("Maximize");
        b.setId("maximize-graph-button");
        Tips.lazy(b, "The graph alone in the window, and back (Ctrl+Shift+M)");
        b.setFocusTraversable(false);
        b.setSelected(window.space().isMaximized());
        window.space().maximizedProperty().addListener((o, was, now) -> b.setSelected(now));
        b.setOnAction(e -> {
            window.space().setMaximized(b.isSelected());
            b.setSelected(window.space().isMaximized());
        });
        return b;
    }

    MenuBar menuBar() {
        return menuBar;
    }

    ToolBar toolBar() {
        return toolBar;
    }

    private CodeArea area() {
        return window.editor().area();
    }

    private Menu fileMenu() {
        Menu templates = new Menu("New from Template");
        for (Template t : Template.values()) {
            templates.getItems().add(item(t.title(), null, () -> window.files().newFrom(t)));
        }
        Menu recent = new Menu("Open Recent");
        recent.setId("open-recent");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (String f : window.files().recentFiles()) {
                recent.getItems().add(item(f, null, () -> window.files().open(Paths.get(f))));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fill.run();
        window.files().recentFiles().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        Menu export = new Menu("Export Graph");
        export.getItems().addAll(item("PNG\u2026", null, () -> export(GraphFileExport.Format.PNG)),
                item("SVG\u2026", null, () -> export(GraphFileExport.Format.SVG)));
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("New", shortcut(KeyCode.N), window.files()::newEmpty),
                templates,
                item("Open\u2026", shortcut(KeyCode.O), window.files()::open),
                recent,
                new SeparatorMenuItem(),
                item("Save", shortcut(KeyCode.S), window.files()::save),
                item("Save As\u2026", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), window.files()::saveAs),
                export,
                new SeparatorMenuItem(),
                item("Close", shortcut(KeyCode.W), window.files()::close),
                item("Quit", shortcut(KeyCode.Q), window::quit));
        return file;
    }

    private Menu editMenu() {
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("Undo", shortcut(KeyCode.Z), () -> area().undo()),
                item("Redo", shortcut(KeyCode.Y), () -> area().redo()),
                new SeparatorMenuItem(),
                item("Find\u2026", shortcut(KeyCode.F), () -> window.editor().findBar().showFind()),
                item("Replace\u2026", shortcut(KeyCode.H), () -> window.editor().findBar().showReplace()),
                item("Find Next", new KeyCodeCombination(KeyCode.F3), () -> window.editor().findBar().findNext()),
                new SeparatorMenuItem(),
                item("Complete", null, () -> window.editor().completion().show()));
        edit.getItems().addAll(lintItems());
        return edit;
    }

    private Menu stageMenu() {
        StageGestures g = window.gestures();
        Menu stage = new Menu("_Stage");
        stage.getItems().addAll(
                item("Add Stage\u2026", null, () -> g.addStage(window.currentStage().orElse(null))),
                item("Rename\u2026", new KeyCodeCombination(KeyCode.F2), () -> onStage(g::rename)),
                item("Change Base\u2026", null, () -> onStage(g::changeBase)),
                item("Duplicate\u2026", null, () -> onStage(g::duplicate)),
                item("Delete\u2026", null, () -> onStage(g::delete)),
                new SeparatorMenuItem(),
                item("Move Up", new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), () -> onStage(i -> g.move(i, -1))),
                item("Move Down", new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), () -> onStage(i -> g.move(i, 1))),
                new SeparatorMenuItem(),
                item("Set as Target", null, () -> onStage(g::setTarget)));
        return stage;
    }

    private Menu buildMenu() {
        Menu build = new Menu("_Build");
        build.getItems().addAll(
                item("Build", shortcut(KeyCode.B), () -> window.builds().build()),
                item("Cancel Build", null, () -> window.builds().cancel()),
                item("Compare Images\u2026", null, () -> window.builds().compare()),
                new SeparatorMenuItem(),
                item("Engine Settings\u2026", null, () -> window.builds().engineSettings()),
                item("Check Engine Now", null, () -> window.builds().checkEngine()));
        return build;
    }

    private Menu viewMenu() {
        Menu view = new Menu("_View");
        CheckMenuItem maximize = check("Maximize Graph", MAXIMIZE, () -> window.space().toggle());
        maximize.setId("view-maximize-graph");
        ToggleGroup focusGroup = new ToggleGroup();
        java.util.Map<GraphFocus, RadioMenuItem> focus = new java.util.EnumMap<>(GraphFocus.class);
        for (GraphFocus f : GraphFocus.values()) {
            RadioMenuItem r = new RadioMenuItem(FOCUS_TITLES.get(f));
            r.setMnemonicParsing(false);
            r.setToggleGroup(focusGroup);
            r.setOnAction(e -> {
                window.graph().setFocus(f);
                r.setSelected(true);
            });
            focus.put(f, r);
        }
        CheckMenuItem images = check("Collapse External Images", null, () -> {
            GraphPort pane = window.graph();
            pane.setImagesCollapsed(!pane.imagesCollapsed());
        });
        CheckMenuItem legend = check("Show Legend", null, () -> {
            GraphPort pane = window.graph();
            pane.setLegendCollapsed(!pane.legendCollapsed());
        });
        CheckMenuItem overview = check("Show Overview", null, () -> {
            GraphPort pane = window.graph();
            pane.setOverviewCollapsed(!pane.overviewCollapsed());
        });
        view.getItems().addAll(
                item("Zoom In", shortcut(KeyCode.EQUALS), () -> window.graph().zoomIn()),
                item("Zoom Out", shortcut(KeyCode.MINUS), () -> window.graph().zoomOut()),
                item("Fit Graph", shortcut(KeyCode.DIGIT0), () -> window.graph().fit()),
                item("Arrange Automatically", null, window::resetLayout),
                item("Find Stage\u2026", FIND_STAGE, () -> window.graph().showFindStage()),
                new SeparatorMenuItem());
        view.getItems().addAll(focus.values());
        view.getItems().addAll(images, legend, overview, new SeparatorMenuItem(),
                maximize,
                item("Go to Graph", shortcut(KeyCode.DIGIT1), this::focusGraph),
                item("Go to Dockerfile", shortcut(KeyCode.DIGIT2), () -> area().requestFocus()),
                item("Go to Bottom Tabs", shortcut(KeyCode.DIGIT3), this::focusBottomTabs),
                new SeparatorMenuItem(),
                item("Copy Graph as Mermaid", null, () -> window.graph().copyMermaid()),
                item("Copy Graph as PNG", null, () -> window.graph().copyImage()),
                new SeparatorMenuItem());
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t == Theme.LIGHT ? "Light Theme" : "Dark Theme");
            r.setToggleGroup(themes);
            r.setSelected(window.theme() == t);
            r.setOnAction(e -> window.setTheme(t));
            view.getItems().add(r);
        }
        // the ticks show the current document's pane (each document has its own) when the menu opens
        Runnable sync = () -> {
            GraphPort pane = window.graph();
            focus.get(pane.focus()).setSelected(true);
            images.setSelected(pane.imagesCollapsed());
            legend.setSelected(!pane.legendCollapsed());
            overview.setSelected(!pane.overviewCollapsed());
            maximize.setSelected(window.space().isMaximized());
        };
        syncView = sync;
        view.setOnShowing(e -> sync.run());
        window.space().maximizedProperty().addListener((o, was, now) -> maximize.setSelected(now));
        return view;
    }

    /** The graph pane takes the keyboard (its keys: Help ▸ Keyboard Shortcuts). */
    private void focusGraph() {
        window.graph().node().requestFocus();
        if (window.graph().selectedStageProperty().get() == null) {
            window.currentStage().ifPresent(window.graph()::select);
        }
    }

    /** The bottom tabs take the keyboard: arrows switch tabs, Tab goes into the shown one. */
    private void focusBottomTabs() {
        window.bottomTabs().requestFocus();
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().addAll(
                explainRuleItem(),
                item("Keyboard Shortcuts", SHORTCUTS, () -> KeyboardShortcuts.show(window.stage(), menuBar)),
                new SeparatorMenuItem(),
                item("About Stagecraft", null, () -> About.show(window.stage())));
        return help;
    }

    /** Edit menu items for lint findings (issue 11): Quick Fix (Ctrl+.) and Fix All of this rule. */
    private java.util.List<MenuItem> lintItems() {
        MenuItem quickFix = item("Quick Fix\u2026", shortcut(KeyCode.PERIOD), () -> window.lint().quickFix());
        quickFix.setId("quick-fix-item");
        MenuItem fixAll = item("Fix All of This Rule", null, () -> window.lint().fixAllOfRule());
        fixAll.setId("fix-all-item");
        return java.util.List.of(new SeparatorMenuItem(), quickFix, fixAll);
    }

    /** Help ▸ Explain Rule: the rule of the finding at the caret or selected in Problems. */
    private MenuItem explainRuleItem() {
        MenuItem explain = item("Explain Rule\u2026", null, () -> window.lint().explainRule());
        explain.setId("explain-rule-item");
        return explain;
    }

    private void onStage(IntConsumer action) {
        window.currentStage().ifPresent(action::accept);
    }

    private void export(GraphFileExport.Format format) {
        String ext = format.extension();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export graph as " + format);
        chooser.setInitialFileName("stages." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + ext));
        File f = chooser.showSaveDialog(window.stage());
        if (f != null) {
            exportTo(f.toPath(), format);
        }
    }

    /** Writes the shown graph to {@code file} off the FX thread; a failure is shown as one line. */
    java.util.concurrent.CompletableFuture<Path> exportTo(Path file, GraphFileExport.Format format) {
        java.util.concurrent.CompletableFuture<Path> written;
        try {
            written = GraphFileExport.export(window.graph(), file, format);
        } catch (RuntimeException e) {
            written = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        written.whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                window.files().error("Cannot export the graph", GraphFileExport.describe(file, failure));
            }
        }, UiThread.executor());
        return written;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /**
     * A tick item whose action changes the pane or the window; the View menu's ticks then show
     * what is true, however the item was fired (a click ticks it first, an accelerator may not).
     */
    private CheckMenuItem check(String text, KeyCombination accelerator, Runnable action) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> {
            action.run();
            syncView.run();
        });
        return item;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button tool(String text, String tip, Runnable action) {
        Button b = new Button(text);
        Tips.lazy(b, tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
