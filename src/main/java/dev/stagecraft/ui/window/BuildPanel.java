package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.project.Settings;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.build.BuildView;
import dev.stagecraft.ui.build.BuildViewModel;
import dev.stagecraft.ui.engine.EngineMonitor;
import dev.stagecraft.ui.engine.EngineSettingsDialog;
import dev.stagecraft.ui.engine.EngineStatusView;
import dev.stagecraft.ui.sizes.SizesView;
import dev.stagecraft.ui.sizes.SizesViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;

/**
 * Builds in the window: the engine monitor and its status bar, the Build and Sizes tabs, and what
 * a build shows on the graph (live stage states, size badges, bytes on COPY edges) and in the
 * editor (the caret on a failed line). FX thread only.
 */
final class BuildPanel {
    private final MainWindow window;
    private final Settings settings;
    private final EngineMonitor engine = new EngineMonitor(Background.executor(), UiThread::later, Engine::connect);
    private final BuildViewModel build = new BuildViewModel(Background.executor(), UiThread::later);
    private final SizesViewModel sizes = new SizesViewModel();
    /** Pixels the Build tab needs to show a few steps and log lines below its options. */
    static final double BUILD_ROOM = 330;
    private final Tab buildTab;
    private final Tab sizesTab;
    private final HBox statusBar;
    private Path scratch;

    BuildPanel(MainWindow window, Settings settings) {
        this.window = window;
        this.settings = settings;
        engine.setHost(settings.engineHost);
        BooleanBinding engineUp = Bindings.isNotNull(engine.engineProperty());
        buildTab = lazyTab("Build", () -> new BuildView(build, this::build, engineUp));
        buildTab.setId("build-tab");
        buildTab.setClosable(false);
        sizesTab = lazyTab("Sizes", () -> new SizesView(sizes, this::goToLine));
        sizesTab.setId("sizes-tab");
        sizesTab.setClosable(false);
        window.bottomTabs().getTabs().addAll(buildTab, sizesTab);
        statusBar = new HBox(new EngineStatusView(engine));
        statusBar.getStyleClass().add("status-bar");

        window.document().fileProperty().addListener((o, was, now) -> {
            if (was != null && now != null && !java.util.Objects.equals(was.getParent(), now.getParent())) {
                build.contextDirProperty().set(null); // a chosen context belongs to the file it was chosen for
            }
            // another document: its sidecar's sizes are the baseline (Save As keeps the same ones)
            if (!window.document().lastBuildSizes().equals(sizes.currentSizes())) {
                sizes.reset(window.document().lastBuildSizes());
                clearSizes();
            }
        });
        build.setGraph(window.document().lastGoodGraphProperty().get());
        window.document().lastGoodGraphProperty().addListener((o, was, g) -> build.setGraph(g));
        build.stageStates().addListener((MapChangeListener<Integer, String>) c ->
                window.graph().setStageState(c.getKey(), c.wasAdded() ? c.getValueAdded() : null));
        build.runningProperty().addListener((o, was, now) -> {
            if (now) {
                clearSizes();
            }
        });
        build.outcomeProperty().addListener((o, was, outcome) -> {
            if (outcome != null) {
                finished(outcome);
            }
        });
    }

    /**
     * A tab whose content is made when it is first shown: the Build and Sizes views (tables, a
     * chart) cost ~0.3 s of a 2-core machine's launch, and most sessions open them later or never.
     */
    private static Tab lazyTab(String title, java.util.function.Supplier<javafx.scene.Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now && tab.getContent() == null) {
                    tab.setContent(content.get());
                    o.removeListener(this);
                }
            }
        });
        return tab;
    }

    /** Starts checking the engine (off the FX thread); re-checks every 10 s while it is down. */
    void start() {
        engine.check();
        Background.executor().execute(dev.stagecraft.engine.build.BuildKitBuilder::warmUp); // the first build starts sooner
    }

    void stop() {
        engine.stop();
        build.cancel();
    }

    HBox statusBar() {
        return statusBar;
    }

    /** Builds the editor's text (saved or not) against the connected engine. */
    void build() {
        window.bottomTabs().getSelectionModel().select(buildTab);
        window.revealBottom(BUILD_ROOM);
        Engine e = engine.engineProperty().get();
        if (e == null) {
            build.unavailable(engine.summaryProperty().get());
            return;
        }
        if (build.runningProperty().get()) {
            return;
        }
        Path file = window.document().fileProperty().get();
        Path dockerfile;
        Path context;
        if (file != null) {
            dockerfile = file.toAbsolutePath();
            context = dockerfile.getParent();
        } else {
            try {
                if (scratch == null) {
                    scratch = Files.createTempDirectory("stagecraft-build");
                }
            } catch (IOException ex) {
                window.files().error("Cannot build", "no folder for an unsaved Dockerfile's context: " + ex.getMessage());
                return;
            }
            context = scratch;
            dockerfile = scratch.resolve("Dockerfile");
        }
        build.start(e, build.options(context, dockerfile, window.document().getText()));
    }

    void cancel() {
        build.cancel();
    }

    /** Asks for another engine endpoint, remembers it, and checks it now. */
    void engineSettings() {
        String auto = dev.stagecraft.engine.EndpointResolver.system().resolve().host();
        EngineSettingsDialog.ask(window.stage(), engine.host(), auto).ifPresent(host -> {
            String problem = EngineSettingsDialog.invalid(host);
            if (problem != null) {
                window.files().error("Engine Settings", problem);
                return;
            }
            settings.engineHost = host.isEmpty() ? null : host;
            engine.setHost(settings.engineHost);
            engine.check();
        });
    }

    void checkEngine() {
        engine.check();
    }

    private void finished(MeasuredBuild outcome) {
        if (outcome.success()) {
            sizes.show(outcome.report());
            window.document().rememberBuildSizes(sizes.currentSizes());
            sizes.badges().forEach((stage, text) -> window.graph().setStageBadge(stage, text));
            for (CopySize c : sizes.copies()) {
                window.graph().setCopyDetail(c.to(), c.line(), ByteSize.format(c.bytes()));
            }
        } else if (outcome.failedLine() != null) {
            goToLine(outcome.failedLine());
        } else if (outcome.status() == BuildOutcome.Status.ENGINE_LOST) {
            engine.check(); // the engine went away or stopped answering
        }
    }

    private void clearSizes() {
        StageGraph g = window.document().lastGoodGraphProperty().get();
        if (g == null) {
            return;
        }
        for (int i = 0; i < g.stages().size(); i++) {
            window.graph().setStageBadge(i, null);
            window.graph().setStageState(i, null);
        }
        g.edges().forEach(edge -> window.graph().setCopyDetail(edge.to(), edge.line(), null));
    }

    private void goToLine(int line) {
        window.editor().goToLine(line);
        window.editor().area().requestFocus();
    }

    BuildViewModel buildModel() {
        return build;
    }

    SizesViewModel sizesModel() {
        return sizes;
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

    Map<Integer, String> badges() {
        return sizes.badges();
    }
}
