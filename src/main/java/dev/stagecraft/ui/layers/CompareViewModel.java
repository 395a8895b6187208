package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.report.layers.FileTree;
import dev.stagecraft.report.layers.ImageDiff;
import dev.stagecraft.report.layers.LayerReport;
import dev.stagecraft.report.layers.LayersReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of Build ▸ Compare Images…: two sides, each a build of the document's history (kept
 * across launches) or an image by tag or id. Two builds are compared stage by stage (sizes, from
 * the history), then the chosen stage's images (the final stage's by default) layer by layer and
 * file by file; two images only the latter. Both images are read at once with content hashes,
 * with progress and Cancel. FX thread only; testable without a display.
 */
public final class CompareViewModel {
    /** A stage's size in both builds. */
    public record StageRow(String stage, Long sizeA, Long sizeB) {
        public String a() {
            return sizeA == null ? "\u2014" : ByteSize.format(sizeA);
        }

        public String b() {
            return sizeB == null ? "\u2014" : ByteSize.format(sizeB);
        }

        public String change() {
            return sizeA == null || sizeB == null ? (sizeA == null ? "new" : "gone") : ByteSize.formatChange(sizeB - sizeA);
        }
    }

    /** A layer position in both images: sizes, what made it (B's, else A's), whether it is the same layer. */
    public record LayerRow(int index, Long sizeA, Long sizeB, String instruction, boolean same) {
        public String a() {
            return sizeA == null ? "\u2014" : ByteSize.format(sizeA);
        }

        public String b() {
            return sizeB == null ? "\u2014" : ByteSize.format(sizeB);
        }

        public String change() {
            return same ? "same layer" : ByteSize.formatChange((sizeB == null ? 0 : sizeB) - (sizeA == null ? 0 : sizeA));
        }
    }

    private final LayersCache cache;
    private final Executor work;
    private final Executor fx;
    private final ObservableList<CompareSide> choices = FXCollections.observableArrayList();
    private final ObjectProperty<CompareSide> a = new SimpleObjectProperty<>(this, "a");
    private final ObjectProperty<CompareSide> b = new SimpleObjectProperty<>(this, "b");
    private final ObservableList<String> stageKeys = FXCollections.observableArrayList();
    private final ObservableList<String> stageKeysView = FXCollections.unmodifiableObservableList(stageKeys);
    private final ObjectProperty<String> stage = new SimpleObjectProperty<>(this, "stage");
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyObjectWrapper<FileNode> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyObjectWrapper<ImageDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private String readingA;
    private String readingB;
    private long bytesA;
    private long bytesB;
    private int generation;

    /** @param history the document's builds, newest first */
    public CompareViewModel(LayersCache cache, Executor work, Executor fx, List<BuildSizes> history) {
        this.cache = cache;
        this.work = work;
        this.fx = fx;
        for (int i = 0; i < history.size(); i++) {
            choices.add(CompareSide.of(history.get(i), i + 1));
        }
        List<CompareSide> withImages = choices.stream().filter(CompareSide::hasImages).toList();
        if (withImages.size() >= 2) {
            a.set(withImages.get(1));
            b.set(withImages.get(0));
        } else if (!withImages.isEmpty()) {
            b.set(withImages.get(0));
        }
        a.addListener((o, was, now) -> sidesChanged());
        b.addListener((o, was, now) -> sidesChanged());
        sidesChanged();
        status.set(choices.isEmpty() ? "No build in this document's history: type two image tags or ids"
                : "Choose two builds, or type image tags or ids, then Compare");
    }

    private void sidesChanged() {
        CompareSide x = a.get();
        CompareSide y = b.get();
        stages.clear();
        String keep = stage.get();
        stageKeys.clear();
        if (x != null && y != null && x.build() != null && y.build() != null) {
            Set<String> keys = new LinkedHashSet<>(x.build().stages().keySet());
            keys.addAll(y.build().stages().keySet());
            for (String k : keys) {
                stages.add(new StageRow(k, x.build().stages().get(k), y.build().stages().get(k)));
                if (x.build().images().containsKey(k) && y.build().images().containsKey(k)) {
                    stageKeys.add(k);
                }
            }
            stage.set(stageKeys.contains(keep) ? keep : stageKeys.contains(y.build().finalStage())
                    ? y.build().finalStage() : stageKeys.isEmpty() ? null : stageKeys.get(stageKeys.size() - 1));
        } else {
            stage.set(null);
        }
    }

    /** Reads both sides' images (the chosen stage's, for builds) and compares them. */
    public void compare() {
        CompareSide x = a.get();
        CompareSide y = b.get();
        if (x == null || y == null) {
            status.set("Choose both sides: a build of the history, or an image tag or id");
            return;
        }
        String imageA = x.imageFor(stage.get());
        String imageB = y.imageFor(stage.get());
        if (imageA == null || imageB == null) {
            status.set("The " + (imageA == null ? "first" : "second")
                    + " build was remembered before Stagecraft kept image ids: only its sizes can be compared");
            return;
        }
        cancel();
        int gen = ++generation;
        layers.clear();
        tree.set(null);
        diff.set(null);
        running.set(true);
        progress.set(-1);
        readingA = imageA;
        readingB = imageB;
        bytesA = 0;
        bytesB = 0;
        status.set("Reading " + ImageLoad.shortId(imageA) + " and " + ImageLoad.shortId(imageB) + "\u2026");
        CompletableFuture<LayersReport> ra = cache.get(imageA, 0, true, p -> progressed(gen, true, p));
        CompletableFuture<LayersReport> rb = cache.get(imageB, 0, true, p -> progressed(gen, false, p));
        ra.thenCombine(rb, (ax, bx) -> new LayersReport[] {ax, bx}).whenComplete((both, failure) -> fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                running.set(false);
                progress.set(0);
                Throwable t = failure.getCause() != null && !(failure instanceof CancellationException) ? failure.getCause() : failure;
                status.set(t instanceof CancellationException ? "Comparison cancelled"
                        : "Can't compare: " + ImageLoad.reason(t));
                return;
            }
            work.execute(() -> compared(gen, both[0], both[1]));
        }));
    }

    private void progressed(int gen, boolean first, LoadProgress p) {
        if (gen != generation) {
            return;
        }
        if (first) {
            bytesA = p.bytes();
        } else {
            bytesB = p.bytes();
        }
        status.set("Reading both images: " + ByteSize.format(bytesA + bytesB));
    }

    private void compared(int gen, LayersReport ra, LayersReport rb) {
        ImageDiff d;
        FileNode t;
        List<LayerRow> rows = new ArrayList<>();
        try {
            d = ImageDiff.of(ra.image(), rb.image());
            t = FileTree.ofDiff(d).sorted(FileNode.BY_NAME);
            int n = Math.max(ra.layers().size(), rb.layers().size());
            for (int i = 0; i < n; i++) {
                LayerReport la = i < ra.layers().size() ? ra.layers().get(i) : null;
                LayerReport lb = i < rb.layers().size() ? rb.layers().get(i) : null;
                String made = Instructions.shorten((lb != null ? lb : la).createdBy());
                rows.add(new LayerRow(i, la == null ? null : la.size(), lb == null ? null : lb.size(), made,
                        la != null && lb != null && la.diffId().equals(lb.diffId())));
            }
        } catch (RuntimeException e) {
            fx.execute(() -> {
                if (gen == generation) {
                    running.set(false);
                    status.set("Can't compare: " + ImageLoad.reason(e));
                }
            });
            return;
        }
        fx.execute(() -> {
            if (gen != generation) {
                return;
            }
            running.set(false);
            progress.set(0);
            layers.setAll(rows);
            diff.set(d);
            tree.set(d.files().isEmpty() ? null : t);
            status.set(ImageLoad.shortId(d.a().image()) + " " + ByteSize.format(d.a().size()) + " \u2192 "
                    + ImageLoad.shortId(d.b().image()) + " " + ByteSize.format(d.b().size()) + " ("
                    + ByteSize.formatChange(d.sizeDelta()) + "), " + d.files().size()
                    + (d.files().size() == 1 ? " path differs" : " paths differ"));
        });
    }

    /** Stops both reads; returns at once. */
    public void cancel() {
        if (running.get()) {
            generation++;
            running.set(false);
            progress.set(0);
            status.set("Comparison cancelled");
            if (readingA != null) {
                cache.cancel(readingA);
            }
            if (readingB != null) {
                cache.cancel(readingB);
            }
        }
    }

    public ObservableList<CompareSide> choices() {
        return choices;
    }

    public ObjectProperty<CompareSide> aProperty() {
        return a;
    }

    public ObjectProperty<CompareSide> bProperty() {
        return b;
    }

    /** The stages both builds have images of; the comparison reads the chosen one's. */
    public ObservableList<String> stageKeys() {
        return stageKeysView;
    }

    public ObjectProperty<String> stageProperty() {
        return stage;
    }

    public ObservableList<StageRow> stages() {
        return stagesView;
    }

    public ObservableList<LayerRow> layers() {
        return layersView;
    }

    public ReadOnlyObjectProperty<FileNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
