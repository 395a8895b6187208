package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.project.DiskVersion;
import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.project.FileWatch;
import dev.stagecraft.project.RecoveredBuffer;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintRunner;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.graph.layout.StageLayout;
import dev.stagecraft.ui.lint.LintController;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: menu bar and toolbar on top, notices below them, the stage graph left of the
 * Dockerfile text, and a bottom {@link TabPane} (Problems, Build, Sizes). One document at a time:
 * the text lives in the {@link DocumentViewModel}, everything else about it in its
 * {@link DocumentSession} (graph pane, build, sizes, remembered state); showing another document
 * swaps all of it at once. Unsaved text is copied for recovery as it changes; a file changed on
 * disk is reloaded when there are no edits, else the user is asked. Dropping a file opens it;
 * closing asks about unsaved changes, then closes at once (a running build is cancelled in the
 * background). FX thread only.
 */
public final class MainWindow {
    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

    private final javafx.stage.Stage stage;
    private final WindowStores stores;
    private final Settings settings;
    private final Supplier<GraphPort> panes;
    /** The open rehearsed after launch, null when there was none. */
    private OpenRehearsal rehearsal;
    private final DocumentViewModel document = new DocumentViewModel(LintRunner.forWindow());
    private final DockerfileEditor editor = new DockerfileEditor(document::getGraph);
    private final ReadOnlyObjectWrapper<DocumentSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final DocumentSync sync;
    private final FileActions files;
    private final GestureController gestures;
    private final Notices notices = new Notices();
    private final StackPane graphHost = new StackPane();
    private final TabPane bottomTabs = new TabPane();
    private final SplitPane graphAndText;
    private final SplitPane topAndBottom;
    private final GraphSpace space;
    private final WindowMemory memory;
    private final Scene scene;
    private final BuildPanel builds;
    private final Sessions sessions;
    private final LintController lint;
    private boolean bottomRevealed;
    private boolean switching;
    private boolean closed;
    private FileWatch watch;
    private Theme theme;

    public MainWindow(javafx.stage.Stage stage, WindowStores stores, Supplier<GraphPort> panes) {
        this.stage = stage;
        this.stores = stores;
        this.settings = stores.settings();
        this.panes = panes;
        this.memory = new WindowMemory(stores.settingsStore(), settings);
        document.deferParsesOfLargeTexts(new TypingPause()); // a 5 MB text is parsed when typing pauses
        sync = new DocumentSync(document, editor);
        gestures = new GestureController(document, editor, () -> new StageDialogs(stage));
        sessions = new Sessions(this::newPane, stores.state());
        files = new FileActions(this);

        lint = wireLint();
        bottomTabs.getTabs().add(lint.problemsTab());
        bottomTabs.getStyleClass().add("bottom-tabs");

        builds = new BuildPanel(this, settings);
        sessions.onCreate(builds::wire);

        graphHost.setId("graph-host");
        graphAndText = new SplitPane(graphHost, editor);
        graphAndText.setId("graph-and-text");
        topAndBottom = new SplitPane(graphAndText, bottomTabs);
        topAndBottom.setOrientation(Orientation.VERTICAL);
        topAndBottom.setId("top-and-bottom");

        space = new GraphSpace(topAndBottom, graphHost);
        BorderPane root = new BorderPane(new BorderPane(space.node(), notices, null, null, null));
        root.getStyleClass().add("main-window");
        theme = Theme.of(settings.theme);
        MainMenu menu = new MainMenu(this);
        root.setTop(new VBox(menu.menuBar(), menu.toolBar()));
        root.setBottom(builds.statusBar());
        // at the window's size from the start: its first layout is then the real one, instead of one at the
        // preferred size of everything in it (the editor, the tables) first
        scene = new Scene(root, memory.width(), memory.height());
        space.follow(scene);
        scene.getStylesheets().addAll(stylesheet("app.css"), stylesheet("syntax.css"));
        theme.apply(scene); // as the settings have it: nothing to save (setTheme would write them at every launch)
        stage.setScene(scene);
        stage.titleProperty().bind(document.titleProperty());
        memory.restoreSize(stage);
        installDrop();
        document.textProperty().addListener((o, was, now) -> textChanged());
        document.targetProperty().addListener((o, was, now) -> {
            if (!switching && session.get() != null) {
                session.get().changed();
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        if (stores.recoveryProblem() != null) {
            notices.show("recovery-off", stores.recoveryProblem(), List.of());
        }
    }

    /** Lint (issue 11): findings in the editor, Problems and node badges; the pane and context follow the session. */
    private LintController wireLint() {
        LintController c = new LintController(document, editor, () -> {
            DocumentSession s = session.get();
            return s == null ? null : s.graph()::setStageFindings;
        }, settings, System.getenv());
        session.addListener((o, was, now) -> {
            c.paneChanged();
            c.followContext(now == null ? null : now.build().options().contextDirProperty());
        });
        return c;
    }

    private GraphPort newPane() {
        GraphPort pane = panes.get();
        pane.setGestures(gestures);
        return pane;
    }

    /** Opens {@code file}, or the starter example when null; then shows the window and offers recovery. */
    public void show(Path file) {
        if (file == null) {
            showUntitled(dev.stagecraft.project.Template.GO.text());
        } else {
            showUntitled("");
            files.openWithoutAsking(file);
        }
        memory.restoreDividers(graphAndText, topAndBottom);
        stage.show();
        memory.follow(stage, graphAndText, topAndBottom);
        builds.start();
        if (file == null) { // launched with a file, its own open is the warm-up
            rehearsal = OpenRehearsal.start(scene, panes); // null when turned off
        }
        OpenRehearsal r = rehearsal;
        // ELK: more while the window is idle, making way as soon as the user does anything
        int layouts = r == null ? StageLayout.WARM_UP : StageLayout.WARM_UP_IDLE;
        Background.executor().execute(() -> StageLayout.warmUp(layouts, () -> r != null && !r.interrupted()));
        editor.area().requestFocus();
        offerRecovery();
    }

    /** Shows a new untitled document with {@code text}. */
    void showUntitled(String text) {
        switchTo(sessions.untitled(), () -> document.newDocument(text), null);
    }

    /**
     * Shows a file that was read in full ({@code opened}); with {@code restored}, its text is the
     * unsaved text recovered from a session that ended without saving it.
     */
    void showFile(OpenedFile opened, RecoveredBuffer restored) {
        DocumentSession next = sessions.forFile(opened.key(), opened.path(), opened.state().state());
        switchTo(next, () -> document.load(opened.path(), opened.text(), opened.state().state().target(),
                opened.graph()), restored);
        watch(opened.path(), opened.text().version());
    }

    /** Untitled recovered text (the file it belonged to is gone or was never saved). */
    void showRecovered(RecoveredBuffer restored, Path unused) {
        editor.area().replaceText(restored.text());
        takeOver(restored);
    }

    private void switchTo(DocumentSession next, Runnable load, RecoveredBuffer restored) {
        DocumentSession previous = session.get();
        switching = true;
        try {
            if (previous != null && previous != next) {
                previous.persist();
                if (stores.recovery() != null) {
                    stores.recovery().clean(previous.bufferId());
                }
            }
            closeWatch();
            sync.detach();
            load.run();
            next.targetFrom(() -> document.targetProperty().get());
            boolean fresh = next.graph().shownGraph() == null;
            if (fresh) {
                next.restorePositions();
            }
            space.show(next.graph());
            sync.attach(next.graph());
            if (fresh) {
                next.restoreView(document.lastGoodGraphProperty().get());
            }
            session.set(next);
            notices.dismiss("changed-on-disk");
        } finally {
            switching = false;
        }
        if (restored != null) {
            editor.area().replaceText(restored.text());
            takeOver(restored);
        }
        textChanged();
    }

    /** The recovered buffer's text is now this session's unsaved text: its copy moves to this session. */
    private void takeOver(RecoveredBuffer restored) {
        textChanged();
        if (stores.recovery() != null) {
            Background.executor().execute(() -> stores.recovery().discard(restored));
        }
        if (restored.fileChangedSince()) {
            notices.show("restored-changed", restored.file().getFileName() + " changed on disk after these edits "
                    + "were made. Compare before saving: Save will overwrite the file.", List.of());
        }
    }

    /** The document's text changed: an unsaved text is copied for recovery, a clean one's copy goes. */
    private void textChanged() {
        DocumentSession s = session.get();
        if (switching || s == null || stores.recovery() == null) {
            return;
        }
        if (document.isDirty()) {
            stores.recovery().changed(s.bufferId(), document.fileProperty().get(), document.disk().version(),
                    document.getText());
        } else {
            stores.recovery().clean(s.bufferId());
        }
    }

    /** The text {@code text} was written to {@code file}; {@code moved} when that is a new file (Save As). */
    void saved(Path file, DockerfileText written, String text, boolean moved) {
        DocumentSession s = session.get();
        document.saved(file, written, text);
        if (moved) {
            sessions.moved(s, dev.stagecraft.project.StateDirectory.realPath(file), file);
        }
        s.persist();
        textChanged();
        if (watch != null && watch.file().equals(file)) {
            watch.known(written.version());
        } else {
            watch(file, written.version());
        }
    }

    /** The user chose not to keep the unsaved text. */
    void discarded() {
        DocumentSession s = session.get();
        if (s != null && stores.recovery() != null) {
            stores.recovery().clean(s.bufferId());
        }
    }

    void rememberRecent(Path file) {
        stores.state().updateRecent(stores.state().recent().with(file));
    }

    /** Watches the shown file for changes by others (git checkout, another editor). */
    private void watch(Path file, DiskVersion known) {
        DocumentSession s = session.get();
        Background.executor().execute(() -> {
            try {
                FileWatch w = new FileWatch(file, known, change -> UiThread.executor().execute(() -> changedOnDisk(s, change)));
                UiThread.executor().execute(() -> {
                    if (session.get() == s && file.equals(document.fileProperty().get()) && watch == null) {
                        watch = w;
                    } else {
                        Background.executor().execute(w::close); // closing joins the watch thread: never on the FX thread
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot watch " + file, e);
            }
        });
    }

    private void closeWatch() {
        FileWatch w = watch;
        watch = null;
        if (w != null) {
            Background.executor().execute(w::close);
        }
    }

    private void changedOnDisk(DocumentSession s, Optional<DiskVersion> now) {
        Path file = document.fileProperty().get();
        if (session.get() != s || file == null) {
            return;
        }
        if (now.isEmpty()) {
            notices.show("changed-on-disk", file.getFileName() + " was deleted or moved on disk. Save writes it again.",
                    List.of());
            return;
        }
        if (!document.isDirty()) {
            reload(s, file);
            return;
        }
        notices.show("changed-on-disk", file.getFileName() + " changed on disk, and you have unsaved changes.",
                List.of(new Notices.Action("Reload from Disk", () -> reload(s, file)),
                        new Notices.Action("Keep My Changes", () -> { })));
    }

    /** Reads the file again and shows it in the same session (positions, build and sizes stay). */
    private void reload(DocumentSession s, Path file) {
        Background.supply(() -> DockerfileText.read(file)).whenCompleteAsync((read, failure) -> {
            if (session.get() != s || !file.equals(document.fileProperty().get())) {
                return;
            }
            if (failure != null) {
                notices.show("changed-on-disk", "Cannot reload " + file.getFileName() + ": " + FileActions.reason(failure),
                        List.of());
                return;
            }
            switching = true;
            try {
                sync.detach();
                document.load(file, read, document.targetProperty().get());
                sync.attach(s.graph());
            } finally {
                switching = false;
            }
            textChanged();
            if (watch != null) {
                watch.known(read.version());
            }
        }, UiThread.executor());
    }

    /** At launch: unsaved text left by a Stagecraft that ended without saving it is offered back. */
    private void offerRecovery() {
        if (stores.recovery() == null) {
            return;
        }
        Background.supply(() -> stores.recovery().orphans()).whenCompleteAsync((found, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "cannot list recovery copies", failure);
                return;
            }
            for (RecoveredBuffer b : found) {
                String what = b.file() == null ? "an untitled Dockerfile" : b.file().toString();
                String id = "recover-" + b.id();
                notices.show(id, "Unsaved changes to " + what + " from a session that ended unexpectedly ("
                        + java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm")
                        .format(b.savedAt().atZone(java.time.ZoneId.systemDefault())) + ").",
                        List.of(new Notices.Action("Restore", () -> files.restore(b)),
                                new Notices.Action("Discard", () -> Background.executor()
                                        .execute(() -> stores.recovery().discard(b)))));
            }
        }, UiThread.executor());
    }

    /** View ▸ Arrange Automatically: the shown graph forgets its moved nodes and is laid out afresh. */
    void resetLayout() {
        session.get().resetLayout();
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

    /**
     * Asks about unsaved changes, then closes the window at once: what it remembers is handed to
     * the stores (written off the FX thread), running builds are cancelled in the background.
     */
    void quit() {
        if (closed) {
            return;
        }
        files.confirmDiscard().thenAccept(ok -> {
            if (ok) {
                closeNow();
            }
        });
    }

    private void closeNow() {
        closed = true;
        DocumentSession s = session.get();
        if (s != null) {
            s.persist();
            discarded();
            s.build().cancel();
        }
        memory.capture(stage, graphAndText, topAndBottom);
        memory.save();
        closeWatch();
        builds.stop();
        sessions.stopBuilds();
        stage.close();
    }

    void setTheme(Theme t) {
        theme = t;
        settings.theme = t.id();
        t.apply(scene);
        memory.save();
    }

    Theme theme() {
        return theme;
    }

    /** The stage the Stage menu acts on: the one selected in the graph, else the caret's. */
    Optional<Integer> currentStage() {
        Integer selected = graph().selectedStageProperty().get();
        if (selected != null) {
            return Optional.of(selected);
        }
        return document.currentGraph().stageAt(editor.area().getCaretPosition()).map(Stage::index);
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
            if (!dropped.isEmpty()) {
                files.open(dropped.get(0).toPath());
            }
            e.setDropCompleted(!dropped.isEmpty());
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

    /** View ▸ Maximize Graph: the graph alone in the centre, or back beside the text. */
    GraphSpace space() {
        return space;
    }

    /** The graph pane of the document shown now. */
    public GraphPort graph() {
        return session.get().graph();
    }

    /** The document shown now: its pane, build, sizes and remembered state. */
    DocumentSession session() {
        return session.get();
    }

    ReadOnlyObjectProperty<DocumentSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public FileActions files() {
        return files;
    }

    public StageGestures gestures() {
        return gestures;
    }

    /** Lint in the window: Problems, quick fixes, Help on a rule. */
    public LintController lint() {
        return lint;
    }

    Notices notices() {
        return notices;
    }

    WindowStores stores() {
        return stores;
    }

    /** The bottom area: other parts (Build, Sizes) add their tabs here. */
    public TabPane bottomTabs() {
        return bottomTabs;
    }

    OpenRehearsal rehearsal() {
        return rehearsal;
    }

    /** A file is being opened: the open rehearsed after launch, if still going, makes way for it. */
    void stopRehearsal() {
        if (rehearsal != null) {
            rehearsal.stop();
        }
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
