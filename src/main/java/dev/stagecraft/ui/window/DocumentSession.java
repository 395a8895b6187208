package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.project.DocumentState;
import dev.stagecraft.project.NodePosition;
import dev.stagecraft.project.StateStore;
import dev.stagecraft.project.Viewport;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.build.BuildViewModel;
import dev.stagecraft.ui.sizes.SizesViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Everything the window shows about one document apart from its text: its own graph pane (node
 * positions, zoom and pan, selection), its Build tab (options, progress, log, history) and its
 * Sizes, and what of that is remembered for its file in the state directory. Opening another file
 * shows another session; nothing of this one carries over, and a build it runs keeps painting
 * only its own pane. Remembered state is written as it changes (a gesture on the pane, an option,
 * a target, a build), debounced. FX thread only.
 */
final class DocumentSession {
    /** How long after the last change the state is handed to the store (which writes it soon after). */
    static final Duration SETTLE = Duration.millis(250);

    /** Names this document's recovery copy; unique in this process (each process has its own recovery folder). */
    private static final java.util.concurrent.atomic.AtomicLong BUFFERS = new java.util.concurrent.atomic.AtomicLong();
    private final String bufferId = "buffer-" + BUFFERS.incrementAndGet();
    private final GraphPort graph;
    private final BuildViewModel build = new BuildViewModel(Background.builds(), UiThread.executor());
    private final SizesViewModel sizes = new SizesViewModel();
    private final StateStore store;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private Path file;
    private DocumentState state;
    private Supplier<String> target = () -> null;
    private boolean restoring;

    /** A session for {@code file} (null: untitled, nothing remembered) starting from {@code state}. */
    DocumentSession(GraphPort graph, StateStore store, Path file, DocumentState state) {
        this.graph = graph;
        this.store = store;
        this.file = file;
        this.state = state == null ? DocumentState.empty() : state;
        settle.setOnFinished(e -> persist());
        javafx.scene.Node pane = graph.node();
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> changed());
        pane.addEventFilter(ScrollEvent.SCROLL, e -> changed());
        pane.addEventFilter(KeyEvent.KEY_RELEASED, e -> changed());
        graph.selectedStageProperty().addListener((o, was, now) -> changed());
        restoreBuildOptions();
        for (javafx.beans.Observable o : build.options().observables()) {
            o.addListener(x -> changed());
        }
        this.state.lastBuild().ifPresent(b -> sizes.reset(b.stages()));
    }

    String bufferId() {
        return bufferId;
    }

    GraphPort graph() {
        return graph;
    }

    BuildViewModel build() {
        return build;
    }

    SizesViewModel sizes() {
        return sizes;
    }

    /** The file this session is about (absolute), null while untitled. */
    Path file() {
        return file;
    }

    /** What is remembered now (including what the panes show but was not yet written). */
    DocumentState state() {
        return capture();
    }

    /** Where the window reads the document's target from (its view model). */
    void targetFrom(Supplier<String> source) {
        target = source;
    }

    /**
     * Puts the pane where the remembered state says: positions (before the first graph), then,
     * once the graph is shown, the zoom and pan and the selection.
     */
    void restorePositions() {
        restoring = true;
        try {
            graph.setPositions(state.positions());
        } finally {
            restoring = false;
        }
    }

    void restoreView(StageGraph shown) {
        restoring = true;
        try {
            Viewport v = state.viewport();
            if (v != null) {
                graph.setViewport(v.zoom(), v.panX(), v.panY());
            }
            if (state.selected() != null && shown != null) {
                shown.stages().stream().filter(s -> key(s).equals(state.selected())).findFirst()
                        .ifPresent(s -> graph.select(s.index()));
            }
        } finally {
            restoring = false;
        }
    }

    private void restoreBuildOptions() {
        build.options().restore(state.build());
    }

    /** The file moved (Save As): the state goes with it, the old file keeps what it had. */
    void movedTo(Path newFile) {
        file = newFile;
        persist();
    }

    /** View ▸ Reset Layout: forget the places the user chose, lay the graph out afresh, fit it. */
    void resetLayout() {
        state = state.withoutPositions().withViewport(null);
        graph.arrange();
        persist();
    }

    /** A build of this document succeeded: its sizes join the history (the baseline of the next). */
    void built(String builder, String targetName, Map<String, Long> stageSizes, Long finalImage) {
        built(new BuildSizes(Instant.now(), builder, targetName, stageSizes, finalImage));
    }

    /** A build of this document succeeded: what it measured (sizes and images) joins the history. */
    void built(BuildSizes measured) {
        state = state.withSizes(measured);
        persist();
    }

    /** Something remembered may have changed: written when the gestures settle. */
    void changed() {
        if (!restoring && file != null) {
            settle.playFromStart();
        }
    }

    /** Hands the current state to the store now (leaving the document, Save As, quitting). */
    void persist() {
        settle.stop();
        if (file != null && store != null) {
            state = capture();
            store.update(file, state);
        }
    }

    private DocumentState capture() {
        Map<String, NodePosition> positions = graph.positions();
        double[] v = graph.viewport();
        Integer sel = graph.selectedStageProperty().get();
        StageGraph shown = graph.shownGraph();
        String selected = sel == null || shown == null || sel >= shown.stages().size() ? null
                : key(shown.stages().get(sel));
        return state.withPositions(positions.isEmpty() ? state.positions() : positions)
                .withViewport(v == null ? null : new Viewport(v[0], v[1], v[2]))
                .withSelected(selected).withTarget(target.get()).withBuild(build.options().settings());
    }

    static String key(Stage s) {
        return s.name() != null ? s.name() : "#" + s.index();
    }
}
