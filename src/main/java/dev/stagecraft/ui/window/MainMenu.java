package dev.stagecraft.ui.window;

import dev.stagecraft.project.Template;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.IntConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
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
    private final MainWindow window;
    private final MenuBar menuBar = new MenuBar();
    private final ToolBar toolBar = new ToolBar();

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
                tool("Zoom in", "Zoom in (Ctrl+=)", () -> window.graph().zoomIn()),
                tool("Zoom out", "Zoom out (Ctrl+-)", () -> window.graph().zoomOut()),
                tool("Fit", "Fit the graph (Ctrl+0)", () -> window.graph().fit()));
        toolBar.getStyleClass().add("main-toolbar");
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
        export.getItems().addAll(item("PNG\u2026", null, () -> export("png")), item("SVG\u2026", null, () -> export("svg")));
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
        ToggleGroup themes = new ToggleGroup();
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom In", shortcut(KeyCode.EQUALS), () -> window.graph().zoomIn()),
                item("Zoom Out", shortcut(KeyCode.MINUS), () -> window.graph().zoomOut()),
                item("Fit Graph", shortcut(KeyCode.DIGIT0), () -> window.graph().fit()),
                item("Reset Layout", null, window::resetLayout),
                new SeparatorMenuItem());
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t == Theme.LIGHT ? "Light Theme" : "Dark Theme");
            r.setToggleGroup(themes);
            r.setSelected(window.theme() == t);
            r.setOnAction(e -> window.setTheme(t));
            view.getItems().add(r);
        }
        return view;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().add(item("About Stagecraft", null, () -> About.show(window.stage())));
        help.getItems().add(0, explainRuleItem());
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

    private void export(String format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export graph as " + format.toUpperCase());
        chooser.setInitialFileName("stages." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(), "*." + format));
        File f = chooser.showSaveDialog(window.stage());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        try {
            if (format.equals("png")) {
                window.graph().exportPng(p);
            } else {
                window.graph().exportSvg(p);
            }
        } catch (IOException | RuntimeException e) {
            window.files().error("Cannot export the graph", String.valueOf(e.getMessage()));
        }
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
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
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
