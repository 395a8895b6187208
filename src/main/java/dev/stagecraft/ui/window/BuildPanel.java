package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.project.Settings;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.build.BuildEnd;
import dev.stagecraft.ui.build.BuildView;
import dev.stagecraft.ui.build.BuildViewModel;
import dev.stagecraft.ui.build.StepState;
import dev.stagecraft.ui.engine.EngineMonitor;
import dev.stagecraft.ui.engine.EngineSettingsDialog;
import dev.stagecraft.ui.engine.EngineStatusView;
import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.ui.layers.CompareView;
import dev.stagecraft.ui.layers.CompareViewModel;
import dev.stagecraft.ui.layers.LayersView;
import dev.stagecraft.ui.sizes.SizesView;
import dev.stagecraft.ui.sizes.SizesViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;

/**
 * Builds in the window: the engine monitor and its status bar, and the Build, Sizes and Layers tabs
 * of the document shown (each document has its own; the tabs show the current one's). A click on a
 * COPY --from edge shows the files it carried in the Layers tab, a click in the Sizes tab's
 * treemap the path in the final image's tree. A build paints its
 * own document's graph pane (live stage states, size badges, bytes on COPY edges) and, when that
 * document is the one shown, puts the caret on a failed line. FX thread only.
 */
final class BuildPanel {
    /** Pixels the Build tab needs to show a few steps and log lines below its options. */
    static final double BUILD_ROOM = 330;

    private final MainWindow window;
    private final Settings settings;
    private final EngineMonitor engine = new EngineMonitor(Background.executor(), UiThread::later, Engine::connect);
    private final BooleanBinding engineUp = Bindings.isNotNull(engine.engineProperty());
    private final Tab buildTab;
    private final Tab sizesTab;
    private final Tab layersTab;
    private final HBox statusBar;
    /** Each document's Build, Sizes and Layers views, made when first shown. */
    private final Map<DocumentSession, Node[]> views = new WeakHashMap<>();
    /** Each document's image reads (Layers tab, final image files, comparisons). */
    private final Map<DocumentSession, DocumentLayers> layers = new WeakHashMap<>();
    private Path scratch;

    BuildPanel(MainWindow window, Settings settings) {
        this.window = window;
        this.settings = settings;
        engine.setHost(settings.engineHost);
        buildTab = new Tab("Build");
        buildTab.setId("build-tab");
        buildTab.setClosable(false);
        sizesTab = new Tab("Sizes");
        sizesTab.setId("sizes-tab");
        sizesTab.setClosable(false);
        layersTab = new Tab("Layers");
        layersTab.setId("layers-tab");
        layersTab.setClosable(false);
        buildTab.selectedProperty().addListener((o, was, now) -> fillTabs());
        sizesTab.selectedProperty().addListener((o, was, now) -> fillTabs());
        layersTab.selectedProperty().addListener((o, was, now) -> fillTabs());
        window.bottomTabs().getTabs().addAll(buildTab, sizesTab, layersTab);
        statusBar = new HBox(new EngineStatusView(engine));
        statusBar.getStyleClass().add("status-bar");

        window.sessionProperty().addListener((o, was, now) -> {
            buildTab.setContent(null);
            sizesTab.setContent(null);
            layersTab.setContent(null);
            if (was != null) {
                layersOf(was).layers().setActive(false);
            }
            fillTabs();
            if (now != null) {
                now.build().setGraph(window.document().lastGoodGraphProperty().get());
                if (engine.engineProperty().get() != null) {
                    now.build().engineAvailable();
                }
            }
        });
        window.document().lastGoodGraphProperty().addListener((o, was, g) -> {
            DocumentSession s = window.session();
            if (s != null) {
                s.build().setGraph(g);
            }
        });
        engine.engineProperty().addListener((o, was, now) -> {
            DocumentSession s = window.session();
            if (now != null && s != null) {
                s.build().engineAvailable();
            }
        });
    }

    /** Wires a new document's build to its own graph pane. */
    void wire(DocumentSession s) {
        BuildViewModel build = s.build();
        GraphPort pane = s.graph();
        build.stageStates().addListener((MapChangeListener<Integer, StepState>) c ->
                pane.setStageState(c.getKey(), c.wasAdded() ? c.getValueAdded().css() : null));
        build.runningProperty().addListener((o, was, now) -> {
            if (now) {
                clearSizes(s);
                layersOf(s).building();
            }
        });
        pane.setOnCopyEdge((from, to, line) -> showCopy(s, from, to, line));
        build.outcomeProperty().addListener((o, was, outcome) -> {
            if (outcome != null) {
                finished(s, outcome);
            }
        });
    }

    /** The shown tab gets the current document's view, made the first time it is needed. */
    private void fillTabs() {
        DocumentSession s = window.session();
        if (s == null) {
            return;
        }
        Node[] v = views.computeIfAbsent(s, k -> new Node[3]);
        if (buildTab.isSelected() && buildTab.getContent() == null) {
            if (v[0] == null) {
                v[0] = new BuildView(s.build(), this::build, engineUp);
            }
            buildTab.setContent(v[0]);
        }
        if (sizesTab.isSelected() && sizesTab.getContent() == null) {
            if (v[1] == null) {
                DocumentLayers l = layersOf(s);
                v[1] = new SizesView(s.sizes(), this::goToLine, this::showInLayers, l::readFinal);
            }
            sizesTab.setContent(v[1]);
        }
        if (layersTab.isSelected() && layersTab.getContent() == null) {
            if (v[2] == null) {
                v[2] = new LayersView(layersOf(s).layers(), line -> window.editor().goToLine(line));
            }
            layersTab.setContent(v[2]);
        }
        layersOf(s).layers().setActive(layersTab.isSelected());
    }

    /** Starts checking the engine (off the FX thread); re-checks every 10 s while it is down. */
    void start() {
        engine.check();
        Background.executor().execute(dev.stagecraft.engine.build.BuildKitBuilder::warmUp); // the first build starts sooner
    }

    void stop() {
        engine.stop();
        DocumentSession s = window.session();
        if (s != null) {
            s.build().cancel();
        }
        List.copyOf(layers.values()).forEach(DocumentLayers::stop);
    }

    /** The image reads of a document, made when first needed. */
    DocumentLayers layersOf(DocumentSession s) {
        return layers.computeIfAbsent(s, k -> new DocumentLayers(() -> engine.engineProperty().get(), k.sizes()));
    }

    /** A COPY --from edge was clicked: the Layers tab shows the layer it made and the files it carried. */
    private void showCopy(DocumentSession s, int from, int to, int line) {
        if (window.session() != s) {
            return;
        }
        window.bottomTabs().getSelectionModel().select(layersTab);
        window.revealBottom(BUILD_ROOM);
        StageGraph g = s.graph().shownGraph();
        String fromName = g != null && from >= 0 && from < g.stages().size() ? g.stages().get(from).displayName()
                : "#" + from;
        CopySize copy = s.sizes().copies().stream().filter(c -> c.to() == to && c.line() == line).findFirst()
                .orElse(new CopySize(from, to, line, 0));
        layersOf(s).layers().showCopy(copy, fromName);
    }

    /** Build ▸ Compare Images…: a window comparing two builds of this document's history, or two images. */
    void compare() {
        DocumentSession s = window.session();
        if (s == null) {
            return;
        }
        CompareViewModel model = new CompareViewModel(layersOf(s).cache(), Background.executor(), UiThread.executor(),
                s.state().sizeHistory());
        javafx.stage.Stage dialog = new javafx.stage.Stage();
        dialog.initOwner(window.stage());
        dialog.setTitle("Compare Images — " + (s.file() == null ? "Untitled" : s.file().getFileName()));
        dialog.setScene(new javafx.scene.Scene(new CompareView(model), 900, 620));
        dialog.getScene().getStylesheets().setAll(window.stage().getScene().getStylesheets());
        dialog.setOnHidden(e -> model.cancel());
        dialog.show();
    }

    /** A path of the final image was clicked (treemap, largest files): the Layers tab shows it in the tree. */
    private void showInLayers(String path) {
        DocumentSession s = window.session();
        if (s == null) {
            return;
        }
        window.bottomTabs().getSelectionModel().select(layersTab);
        layersOf(s).layers().revealInFinalImage(path);
    }

    HBox statusBar() {
        return statusBar;
    }

    /** Builds the editor's text (saved or not) against the connected engine. */
    void build() {
        window.bottomTabs().getSelectionModel().select(buildTab);
        window.revealBottom(BUILD_ROOM);
        BuildViewModel build = buildModel();
        Engine e = engine.engineProperty().get();
        if (e == null) {
            build.unavailable(engine.summaryProperty().get());
            return;
        }
        if (build.runningProperty().get()) {
            return;
        }
        Path file = window.document().fileProperty().get();
        String text = window.document().getText();
        if (file != null) {
            Path dockerfile = file.toAbsolutePath();
            build.start(e, build.options().options(dockerfile.getParent(), dockerfile, text));
            return;
        }
        // an unsaved Dockerfile builds from an empty folder of its own (made off the FX thread)
        Background.supply(this::scratch).whenCompleteAsync((dir, failure) -> {
            if (failure != null) {
                window.files().error("Cannot build", "no folder for an unsaved Dockerfile's context: "
                        + FileActions.reason(failure));
            } else if (!build.runningProperty().get()) {
                build.start(e, build.options().options(dir, dir.resolve("Dockerfile"), text));
            }
        }, UiThread.executor());
    }

    private synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("stagecraft-build");
        }
        return scratch;
    }

    void cancel() {
        buildModel().cancel();
    }

    /** Asks for another engine endpoint, remembers it, and checks it now. */
    void engineSettings() {
        // what the Docker CLI would use comes from its config: read it off the FX thread first
        Background.supply(() -> EngineMonitor.endpoint(null).host()).whenCompleteAsync((auto, failure) -> {
            String cli = failure != null ? "unknown (" + FileActions.reason(failure) + ")" : auto;
            EngineSettingsDialog.ask(window.stage(), engine.host(), cli).ifPresent(host -> {
                String problem = EngineSettingsDialog.invalid(host);
                if (problem != null) {
                    window.files().error("Engine Settings", problem);
                    return;
                }
                settings.engineHost = host.isEmpty() ? null : host;
                window.stores().settingsStore().update(settings);
                engine.setHost(settings.engineHost);
                engine.check();
            });
        }, UiThread.executor());
    }

    void checkEngine() {
        engine.check();
    }

    private void finished(DocumentSession s, MeasuredBuild outcome) {
        GraphPort pane = s.graph();
        BuildEnd end = BuildViewModel.endOf(outcome);
        if (end == BuildEnd.SUCCEEDED) {
            BuildSizes previous = s.state().lastBuild().orElse(null);
            s.sizes().show(outcome.report());
            s.built(DocumentLayers.measured(outcome.report()));
            layersOf(s).built(outcome.report(), previous);
            s.sizes().badges().forEach(pane::setStageBadge);
            for (CopySize c : s.sizes().copies()) {
                pane.setCopyDetail(c.to(), c.line(), ByteSize.format(c.bytes()));
            }
        } else if (end == BuildEnd.FAILED && outcome.failedLine() != null) {
            if (window.session() == s) {
                goToLine(outcome.failedLine());
            }
        } else if (outcome.status() == BuildOutcome.Status.ENGINE_LOST) {
            engine.check(); // the engine did not answer in time or went away mid-build
        }
    }

    private static void clearSizes(DocumentSession s) {
        StageGraph g = s.graph().shownGraph();
        if (g == null) {
            return;
        }
        for (int i = 0; i < g.stages().size(); i++) {
            s.graph().setStageBadge(i, null);
            s.graph().setStageState(i, null);
        }
        g.edges().forEach(edge -> s.graph().setCopyDetail(edge.to(), edge.line(), null));
    }

    private void goToLine(int line) {
        window.editor().goToLine(line);
        window.editor().area().requestFocus();
    }

    /** The Build tab's model of the document shown now. */
    BuildViewModel buildModel() {
        return window.session().build();
    }

    SizesViewModel sizesModel() {
        return window.session().sizes();
    }

    EngineMonitor engineMonitor() {
        return engine;
    }

    Tab buildTab() {
        return buildTab;
    }

    Tab sizesTab() {
        return sizesTab;
    }

    Tab layersTab() {
        return layersTab;
    }

    Map<Integer, String> badges() {
        return sizesModel().badges();
    }
}
