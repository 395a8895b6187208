package dev.stagecraft.ui.sizes;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.stagecraft.report.layers.Composition;
import dev.stagecraft.report.layers.FileNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the Sizes tab: the last build's headline and the final image's composition (base,
 * copied, own), one bar per stage (the final image marked, with the change since the previous
 * build), the layers of the chosen stage, and, once the final image's files are read, its
 * largest files, its filesystem for the treemap and what changed since the last build. Also what the graph shows: a size badge per stage and bytes per COPY --from edge.
 * FX thread only; testable without a display.
 */
public final class SizesViewModel {
    private final ReadOnlyObjectWrapper<SizeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Build to see sizes");
    private final ObservableList<StageBar> bars = FXCollections.observableArrayList();
    private final ObservableList<StageBar> barsView = FXCollections.unmodifiableObservableList(bars);
    private final ObjectProperty<StageBar> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyStringWrapper composition = new ReadOnlyStringWrapper(this, "composition", "");
    private final ReadOnlyObjectWrapper<Composition> parts = new ReadOnlyObjectWrapper<>(this, "parts");
    private final ReadOnlyObjectWrapper<FileNode> finalFiles = new ReadOnlyObjectWrapper<>(this, "finalFiles");
    private final ReadOnlyStringWrapper finalStatus = new ReadOnlyStringWrapper(this, "finalStatus", "");
    private final ReadOnlyBooleanWrapper finalReadable = new ReadOnlyBooleanWrapper(this, "finalReadable");
    private final ObservableList<LargeFile> largest = FXCollections.observableArrayList();
    private final ObservableList<LargeFile> largestView = FXCollections.unmodifiableObservableList(largest);
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> changesView = FXCollections.unmodifiableObservableList(changes);
    /** Bytes per stage key (name, else #index) from the build before the current one. */
    private Map<String, Long> previous = Map.of();

    public SizesViewModel() {
        selected.addListener((o, was, now) -> fillLayers());
    }

    /** Forgets the shown report (another file opened); {@code baseline} is its last build's sizes per stage key. */
    public void reset(Map<String, Long> baseline) {
        previous = Map.copyOf(baseline);
        report.set(null);
        headline.set("Build to see sizes");
        bars.clear();
        selected.set(null);
        layers.clear();
        clearFiles();
    }

    /** Forgets the final image's files, the composition and the changes (a new build starts). */
    public void clearFiles() {
        composition.set("");
        parts.set(null);
        finalFiles.set(null);
        finalStatus.set("");
        finalReadable.set(false);
        largest.clear();
        changes.clear();
    }

    /**
     * The final image's files are known: its whole filesystem (for the treemap) and its largest
     * files.
     */
    public void showFinalFiles(FileNode filesystem, List<LargeFile> largestFiles) {
        finalFiles.set(filesystem);
        largest.setAll(largestFiles);
        finalStatus.set("");
        finalReadable.set(false);
    }

    /** Where reading the final image's files stands; {@code readable}: a Read button is offered. */
    public void setFinalStatus(String text, boolean readable) {
        finalStatus.set(text == null ? "" : text);
        finalReadable.set(readable);
    }

    /** What changed since the last build, one line per group ("+1.2 MB: /usr/lib/… from line 14"). */
    public void setChanges(List<String> lines) {
        changes.setAll(lines);
    }

    /** Image bytes per stage key (name, else #index) of the shown report, for the sidecar. */
    public Map<String, Long> currentSizes() {
        SizeReport r = report.get();
        return r == null ? Map.of() : sizesByKey(r);
    }

    /** Shows a new build's report; the one it replaces becomes the baseline for the +/- change. */
    public void show(SizeReport r) {
        SizeReport old = report.get();
        if (old != null) {
            previous = sizesByKey(old);
        }
        report.set(r);
        headline.set(r == null ? "Build to see sizes" : r.headline());
        clearFiles();
        if (r != null && r.finalImage().isPresent()) {
            Composition c = Composition.of(r);
            parts.set(c);
            composition.set("base " + ByteSize.format(c.base()) + " \u00b7 copied from other stages "
                    + ByteSize.format(c.copied()) + " \u00b7 own instructions " + ByteSize.format(c.own()));
        }
        List<StageBar> out = new ArrayList<>();
        if (r != null) {
            for (StageSize s : r.stages()) {
                Long before = previous.get(key(s));
                String change = before == null ? "" : ByteSize.formatChange(s.size() - before);
                out.add(new StageBar(s.index(), s.displayName(), s.size(), ByteSize.format(s.size()),
                        s.index() == r.finalStage(), change));
            }
        }
        bars.setAll(out);
        selected.set(out.stream().filter(StageBar::finalImage).findFirst().orElse(out.isEmpty() ? null : out.get(0)));
        fillLayers();
    }

    private void fillLayers() {
        List<LayerRow> rows = new ArrayList<>();
        StageBar bar = selected.get();
        SizeReport r = report.get();
        if (bar != null && r != null) {
            r.stage(bar.index()).ifPresent(s -> {
                for (LayerSize l : s.layers()) {
                    rows.add(new LayerRow(l.size(), ByteSize.format(l.size()), describe(l), l.line()));
                }
            });
        }
        layers.setAll(rows);
    }

    /** The badge text per stage index: its image size and, after a rebuild, the change. */
    public Map<Integer, String> badges() {
        Map<Integer, String> out = new HashMap<>();
        for (StageBar b : bars) {
            out.put(b.index(), b.size() + (b.change().isEmpty() ? "" : " (" + b.change() + ")"));
        }
        return out;
    }

    /** The bytes each COPY --from carried, for the graph's edges. */
    public List<CopySize> copies() {
        SizeReport r = report.get();
        return r == null ? List.of() : r.copies();
    }

    static String key(StageSize s) {
        return s.name() != null ? s.name() : "#" + s.index();
    }

    private static Map<String, Long> sizesByKey(SizeReport r) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        r.stages().forEach(s -> m.put(key(s), s.size()));
        return m;
    }

    /** A layer no instruction of the stage made came with its base image (BuildKit and import leave some blank). */
    static String describe(LayerSize l) {
        String made = shorten(l.createdBy());
        if (l.line() != null) {
            return made;
        }
        return made.isEmpty() ? "(base image)" : "(base image) " + made;
    }

    private static String shorten(String createdBy) {
        if (createdBy == null) {
            return "";
        }
        String s = createdBy.replaceFirst("^/bin/sh -c #\\(nop\\)\\s*", "").replaceFirst("^/bin/sh -c ", "RUN ")
                .replaceFirst("^RUN /bin/sh -c ", "RUN ").replaceFirst("\\s*# buildkit$", "")
                .replaceAll("\\s+", " ").strip();
        return s.length() <= 160 ? s : s.substring(0, 159) + "\u2026";
    }

    public ReadOnlyObjectProperty<SizeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ObservableList<StageBar> bars() {
        return barsView;
    }

    /** The stage whose layers the table shows. */
    public ObjectProperty<StageBar> selectedProperty() {
        return selected;
    }

    public ObservableList<LayerRow> layers() {
        return layersView;
    }

    /** "base 1.98 MB · copied from other stages 3 MB · own instructions 0 B" ("" before a build). */
    public ReadOnlyStringProperty compositionProperty() {
        return composition.getReadOnlyProperty();
    }

    /** The final image's bytes by origin, null before a build. */
    public ReadOnlyObjectProperty<Composition> partsProperty() {
        return parts.getReadOnlyProperty();
    }

    /** The final image's whole filesystem, once its files were read. */
    public ReadOnlyObjectProperty<FileNode> finalFilesProperty() {
        return finalFiles.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty finalStatusProperty() {
        return finalStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finalReadableProperty() {
        return finalReadable.getReadOnlyProperty();
    }

    public ObservableList<LargeFile> largestFiles() {
        return largestView;
    }

    public ObservableList<String> changes() {
        return changesView;
    }
}
