package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.project.ProjectFiles;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.graph.layout.StageLayout;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.problems.ProblemsView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window: menu bar and toolbar on top, the stage graph left of the Dockerfile text, and
 * a bottom {@link TabPane} (Problems now; Build and Sizes add their tabs through
 * {@link #bottomTabs()}). Owns the document view model and wires the panes to it. Dropping a
 * file opens it; closing asks about unsaved changes. FX thread only.
 */
public final class MainWindow {
    private final javafx.stage.Stage stage;
    private final Settings settings;
    private final DocumentViewModel document = new DocumentViewModel();
    private final DockerfileEditor editor = new DockerfileEditor(document::getGraph);
    private final GraphPort graph;
    private final DocumentSync sync;
    private final FileActions files;
    private final GestureController gestures;
    private final TabPane bottomTabs = new TabPane();
    private final SplitPane graphAndText;
    private final SplitPane topAndBottom;
    private boolean bottomRevealed;
    private final WindowMemory memory;
    private final Scene scene;
    private final BuildPanel builds;
    private Theme theme;

    public MainWindow(javafx.stage.Stage stage, ProjectFiles projectFiles, GraphPort graph) {
        this.stage = stage;
        this.settings = projectFiles.loadSettings();
        this.graph = graph;
        this.memory = new WindowMemory(projectFiles, settings);
        sync = new DocumentSync(document, editor, graph);
        files = new FileActions(stage, document, sync, graph, settings);
        gestures = new GestureController(document, editor, () -> new StageDialogs(stage));
        graph.setGestures(gestures);

        Tab problems = new Tab("Problems", new ProblemsView(document.problems(), this::goToLine));
        problems.setId("problems-tab");
        problems.setClosable(false);
        problems.textProperty().bind(javafx.beans.binding.Bindings.size(document.problems())
                .asString().map(n -> "0".equals(n) ? "Problems" : "Problems (" + n + ")"));
        bottomTabs.getTabs().add(problems);
        bottomTabs.getStyleClass().add("bottom-tabs");

        builds = new BuildPanel(this, settings);

        graphAndText = new SplitPane(graph.node(), editor);
        graphAndText.setId("graph-and-text");
        topAndBottom = new SplitPane(graphAndText, bottomTabs);
        topAndBottom.setOrientation(Orientation.VERTICAL);
        topAndBottom.setId("top-and-bottom");

        BorderPane root = new BorderPane(topAndBottom);
        root.getStyleClass().add("main-window");
        theme = Theme.of(settings.theme);
        MainMenu menu = new MainMenu(this);
        root.setTop(new VBox(menu.menuBar(), menu.toolBar()));
        root.setBottom(builds.statusBar());
        scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheet("app.css"), stylesheet("syntax.css"));
        setTheme(theme);
        stage.setScene(scene);
        stage.titleProperty().bind(document.titleProperty());
        memory.restoreSize(stage);
        installDrop();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> builds.stop());
        stage.setOnCloseRequest(e -> {
            if (!quitting()) {
                e.consume();
            }
        });
    }

    /** Opens {@code file}, or the starter example when null; then shows the window. */
    public void show(Path file) {
        if (file == null || !files.openWithoutAsking(file)) {
            document.newDocument(dev.stagecraft.project.Template.GO.text());
            sync.loadText();
        }
        memory.restoreDividers(graphAndText, topAndBottom);
        stage.show();
        builds.start();
        dev.stagecraft.ui.Background.executor().execute(StageLayout::warmUp);
        editor.area().requestFocus();
    }

    /**
     * Makes the bottom tabs at least {@code pixels} high (the top area keeps the rest), once per
     * session: the first build needs room for its steps and log, and a user who then makes the
     * area smaller again keeps it so.
     */
    void revealBottom(double pixels) {
        if (bottomRevealed) {
            return;
        }
        bottomRevealed = true;
        double h = topAndBottom.getHeight();
        double wanted = 1 - pixels / h;
        if (h > 2 * pixels && topAndBottom.getDividerPositions()[0] > wanted) {
            topAndBottom.setDividerPositions(wanted);
        }
    }

    /** Saves the window layout and sidecar when the user agrees to leave; false to stay. */
    boolean quitting() {
        if (!files.confirmDiscard()) {
            return false;
        }
        files.saveSidecarQuietly();
        memory.capture(stage, graphAndText, topAndBottom);
        memory.save();
        return true;
    }

    void quit() {
        if (quitting()) {
            stage.close();
        }
    }

    void setTheme(Theme t) {
        theme = t;
        settings.theme = t.id();
        t.apply(scene);
    }

    Theme theme() {
        return theme;
    }

    /** The stage the Stage menu acts on: the one selected in the graph, else the caret's. */
    Optional<Integer> currentStage() {
        Integer selected = graph.selectedStageProperty().get();
        if (selected != null) {
            return Optional.of(selected);
        }
        return document.getGraph().stageAt(editor.area().getCaretPosition()).map(Stage::index);
    }

    private void goToLine(int line) {
        editor.goToLine(line);
        editor.area().requestFocus();
    }

    private void installDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            boolean opened = !dropped.isEmpty() && files.open(dropped.get(0).toPath());
            e.setDropCompleted(opened);
            e.consume();
        });
    }

    private static String stylesheet(String name) {
        return MainWindow.class.getResource("/dev/stagecraft/ui/" + name).toExternalForm();
    }

    public DocumentViewModel document() {
        return document;
    }

    public DockerfileEditor editor() {
        return editor;
    }

    public GraphPort graph() {
        return graph;
    }

    public FileActions files() {
        return files;
    }

    public StageGestures gestures() {
        return gestures;
    }

    /** The bottom area: other parts (Build, Sizes) add their tabs here. */
    public TabPane bottomTabs() {
        return bottomTabs;
    }

    public Scene scene() {
        return scene;
    }

    public javafx.stage.Stage stage() {
        return stage;
    }

    /** Builds, the engine and the Build and Sizes tabs. */
    BuildPanel builds() {
        return builds;
    }

    Settings settings() {
        return settings;
    }
}
