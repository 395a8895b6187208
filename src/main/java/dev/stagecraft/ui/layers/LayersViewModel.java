package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.CopiedFiles;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.report.layers.FileTree;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.report.layers.WastedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the Layers tab: the built stages, the chosen stage's layers (read from the engine
 * when the tab is shown, with progress and Cancel), and for the chosen layer a file tree — that
 * layer's own changes or the whole filesystem up to it — sorted by size or name and filtered by
 * path. Trees are made on the work executor and the newest one wins. Also what a click on a
 * {@code COPY --from} edge and on the treemap ask for. FX thread only; testable without a display
 * (give it direct executors and a fake reader).
 */
public final class LayersViewModel {
    /** Which files the tree shows for the chosen layer. */
    public enum Scope {
        LAYER("Only this layer's changes"), FILESYSTEM("Whole filesystem up to this layer");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How each folder's entries are ordered. */
    public enum Order {
        SIZE("Largest first"), NAME("By name");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A stage the build measured: its index, name, image id and size, whether it is the final image. */
    public record StageChoice(int index, String name, String image, long size, boolean finalImage) {
        @Override
        public String toString() {
            return name + " \u2014 " + ByteSize.format(size) + (finalImage ? " \u00b7 final image" : "");
        }
    }

    static final String NO_BUILD = "Build to see each stage's layers and files";

    private final LayersCache cache;
    private final Executor work;
    private final Executor fx;
    private SizeReport build;
    private final ObservableList<StageChoice> stages = FXCollections.observableArrayList();
    private final ObservableList<StageChoice> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObjectProperty<StageChoice> stage = new SimpleObjectProperty<>(this, "stage");
    private final ReadOnlyObjectWrapper<LayersReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerItem> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ObjectProperty<LayerItem> layer = new SimpleObjectProperty<>(this, "layer");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.LAYER);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.SIZE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<FileNode> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", NO_BUILD);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<String> reveal = new ReadOnlyObjectWrapper<>(this, "reveal");
    private Map<String, WastedFile> wasted = Map.of();
    private boolean active;
    private int treeRevision;
    /** What to do once the chosen stage's report is there (show a copy's files, reveal a path). */
    private Runnable afterLoad;
    private String pendingReveal;

    public LayersViewModel(LayersCache cache, Executor work, Executor fx) {
        this.cache = cache;
        this.work = work;
        this.fx = fx;
        stage.addListener((o, was, now) -> stageChanged());
        layer.addListener((o, was, now) -> refreshTree());
        scope.addListener((o, was, now) -> refreshTree());
        order.addListener((o, was, now) -> refreshTree());
        filter.addListener((o, was, now) -> refreshTree());
    }

    /** A build succeeded: its stages, the final one chosen (or the one chosen before, if it is still there). */
    public void show(SizeReport r) {
        Integer before = stage.get() == null ? null : stage.get().index();
        build = r;
        List<StageChoice> out = new ArrayList<>();
        for (StageSize s : r.stages()) {
            out.add(new StageChoice(s.index(), s.displayName(), s.image(), s.size(), s.index() == r.finalStage()));
        }
        stage.set(null);
        stages.setAll(out);
        StageChoice pick = out.stream().filter(c -> before != null && c.index() == before).findFirst()
                .orElse(out.stream().filter(StageChoice::finalImage).findFirst().orElse(out.isEmpty() ? null : out.get(0)));
        stage.set(pick);
    }

    /** Forgets the shown build (another build starts, or the document changed). */
    public void reset() {
        build = null;
        afterLoad = null;
        stage.set(null);
        stages.clear();
        status.set(NO_BUILD);
    }

    /** Whether the tab is shown: reads start only then. */
    public void setActive(boolean now) {
        active = now;
        if (now && report.get() == null && !loading.get() && stage.get() != null) {
            load();
        }
    }

    /** Reads the chosen stage again (after a failure or a cancel). */
    public void reload() {
        if (stage.get() != null && !loading.get()) {
            load();
        }
    }

    /** Stops the read in progress; returns at once. */
    public void cancel() {
        StageChoice c = stage.get();
        if (c != null) {
            cache.cancel(c.image());
        }
    }

    private void stageChanged() {
        afterLoad = null;
        report.set(null);
        wasted = Map.of();
        layer.set(null);
        layers.clear();
        tree.set(null);
        note.set("");
        loading.set(false);
        progress.set(0);
        if (stage.get() == null) {
            status.set(build == null ? NO_BUILD : "Choose a stage");
        } else if (active) {
            load();
        } else {
            status.set("");
        }
    }

    private void load() {
        StageChoice c = stage.get();
        loading.set(true);
        progress.set(-1);
        status.set("Reading " + c.name() + "'s layers\u2026");
        cache.get(c.image(), c.size(), false, p -> {
            if (stage.get() == c) {
                progress.set(p.fraction());
                status.set(p.text());
            }
        }).whenComplete((r, failure) -> fx.execute(() -> loaded(c, r, failure)));
    }

    private void loaded(StageChoice c, LayersReport r, Throwable failure) {
        if (stage.get() != c) {
            return; // another stage was chosen meanwhile
        }
        loading.set(false);
        progress.set(0);
        if (failure != null) {
            afterLoad = null;
            boolean cancelled = failure instanceof CancellationException
                    || failure.getCause() instanceof CancellationException;
            status.set(cancelled ? "Reading " + c.name() + "'s layers was cancelled: press Read to read them"
                    : "Can't read the layers of " + c.name() + ": " + ImageLoad.reason(failure));
            return;
        }
        LayersReport shown = build == null ? r
                : build.stage(c.index()).map(s -> StageOrigins.apply(r, s)).orElse(r);
        Map<String, WastedFile> w = new HashMap<>();
        shown.wasted().forEach(x -> w.put(x.path(), x));
        wasted = w;
        report.set(shown);
        status.set(String.format(Locale.ROOT, "%s: %d layers, %s, wasted %s, efficiency %.1f %%", c.name(),
                shown.layers().size(), ByteSize.format(shown.size()), ByteSize.format(shown.wastedBytes()),
                Math.floor(shown.efficiency() * 1000) / 10));
        layers.setAll(shown.layers().stream().map(LayerItem::of).toList());
        Runnable then = afterLoad;
        afterLoad = null;
        if (then != null) {
            then.run();
        } else if (!layers.isEmpty()) {
            layer.set(layers.get(layers.size() - 1));
        }
    }

    /** Runs {@code action} once the chosen stage's report is there: now, or when its read ends. */
    private void whenLoaded(Runnable action) {
        if (report.get() != null) {
            action.run();
        } else {
            afterLoad = action;
            if (active && !loading.get() && stage.get() != null) {
                load();
            }
        }
    }

    private void refreshTree() {
        LayersReport r = report.get();
        LayerItem l = layer.get();
        int rev = ++treeRevision;
        if (r == null || l == null) {
            tree.set(null);
            return;
        }
        Scope s = scope.get();
        Order o = order.get();
        String f = filter.get() == null ? "" : filter.get().strip();
        work.execute(() -> {
            FileNode made;
            try {
                FileNode root = s == Scope.LAYER ? FileTree.ofLayer(r, l.index()) : FileTree.ofFilesystem(r, l.index());
                made = root.sorted(o == Order.SIZE ? FileNode.BY_SIZE : FileNode.BY_NAME).filter(f).orElse(null);
            } catch (RuntimeException | StackOverflowError e) {
                fx.execute(() -> status.set("Can't show the files of layer " + l.index() + ": " + ImageLoad.reason(e)));
                return;
            }
            fx.execute(() -> {
                if (rev == treeRevision) {
                    tree.set(made);
                    if (pendingReveal != null) {
                        reveal.set(null);
                        reveal.set(pendingReveal);
                        pendingReveal = null;
                    }
                }
            });
        });
    }

    /**
     * A {@code COPY --from} edge was clicked: the receiving stage's layer that the copy made, with
     * only that layer's changes, and a line saying what it carried.
     */
    public void showCopy(CopySize copy, String fromName) {
        if (build == null) {
            status.set("Build to see the files each COPY --from carried");
            return;
        }
        StageChoice into = stages.stream().filter(c -> c.index() == copy.to()).findFirst().orElse(null);
        if (into == null) {
            status.set("The last build did not make the stage this COPY --from goes into");
            return;
        }
        SizeReport measured = build;
        if (stage.get() != into) {
            stage.set(into);
        }
        whenLoaded(() -> {
            LayersReport r = report.get();
            int li = StageOrigins.layerOfLine(r, copy.line());
            if (li < 0) {
                note.set("COPY --from=" + fromName + " at line " + copy.line() + " made no layer in " + into.name()
                        + "'s image");
                return;
            }
            filter.set("");
            scope.set(Scope.LAYER);
            layer.set(layers.get(li));
            CopiedFiles carried = CopiedFiles.of(measured, copy, r).orElse(null);
            long bytes = carried == null ? 0 : carried.files().stream().mapToLong(CopiedFiles.File::size).sum();
            int count = carried == null ? 0 : carried.files().size();
            note.set("COPY --from=" + fromName + " at line " + copy.line() + " carried "
                    + ByteSize.files(count, bytes));
        });
    }

    /** The treemap was clicked: the final image's whole filesystem with {@code path} selected. */
    public void revealInFinalImage(String path) {
        StageChoice fin = stages.stream().filter(StageChoice::finalImage).findFirst().orElse(null);
        if (fin == null) {
            return;
        }
        if (stage.get() != fin) {
            stage.set(fin);
        }
        whenLoaded(() -> {
            pendingReveal = path;
            note.set("");
            filter.set("");
            scope.set(Scope.FILESYSTEM);
            LayerItem last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
            if (layer.get() == last) {
                refreshTree();
            } else {
                layer.set(last);
            }
        });
    }

    /** The wasted versions of {@code path}, if a later layer hid some. */
    public WastedFile wastedOf(String path) {
        return wasted.get(path);
    }

    /** "3 · line 14" for a version from layer {@code index}; "" for none. */
    public String layerText(Integer index) {
        LayersReport r = report.get();
        if (index == null || r == null || index >= r.layers().size()) {
            return "";
        }
        Integer line = r.layers().get(index).line();
        return line == null ? String.valueOf(index) : index + " \u00b7 line " + line;
    }

    public ObservableList<StageChoice> stages() {
        return stagesView;
    }

    public ObjectProperty<StageChoice> stageProperty() {
        return stage;
    }

    public ReadOnlyObjectProperty<LayersReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<LayerItem> layers() {
        return layersView;
    }

    public ObjectProperty<LayerItem> layerProperty() {
        return layer;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The tree shown: null while there is none (or nothing matches the filter). */
    public ReadOnlyObjectProperty<FileNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What a clicked COPY edge carried ("" when none was clicked). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** 0..1 while reading, -1 before the first progress; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A path the tree should select and scroll to (set after the tree that holds it). */
    public ReadOnlyObjectProperty<String> revealProperty() {
        return reveal.getReadOnlyProperty();
    }
}
