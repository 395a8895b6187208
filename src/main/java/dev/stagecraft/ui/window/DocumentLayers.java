package dev.stagecraft.ui.window;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.image.ImageReader;
import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.report.layers.FileTree;
import dev.stagecraft.report.layers.ImageDiff;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.layers.ImageLoad;
import dev.stagecraft.ui.layers.LayersCache;
import dev.stagecraft.ui.layers.LayersViewModel;
import dev.stagecraft.ui.layers.StageOrigins;
import dev.stagecraft.ui.sizes.LargeFile;
import dev.stagecraft.ui.sizes.SizeChanges;
import dev.stagecraft.ui.sizes.SizesViewModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * One document's image reads and what they feed: the Layers tab's model, and in the Sizes tab the
 * final image's largest files, its treemap and what changed since the last build. After a build
 * the final image is read at once when it is small (most final images are) and on request when
 * it is larger than {@link #AUTO_READ_LIMIT}; a new build cancels the reads of the last one.
 * Reads run on {@link Background#builds()}, trees and comparisons on {@link Background#executor()};
 * everything lands on the FX thread through {@link UiThread}. FX thread only.
 */
final class DocumentLayers {
    /** Final images up to this size are read without asking (reading costs about one {@code docker save}). */
    static final long AUTO_READ_LIMIT = 256_000_000L;
    static final int LARGEST = 12;
    static final int CHANGES = 6;

    private final LayersCache cache;
    private final LayersViewModel layers;
    private final SizesViewModel sizes;
    private SizeReport shown;
    private String previousFinal;
    private int generation;

    DocumentLayers(Supplier<Engine> engine, SizesViewModel sizes) {
        this.sizes = sizes;
        ImageLoad.Reader reader = (image, control) -> {
            Engine e = engine.get();
            if (e == null) {
                throw new IOException("no Docker engine: connect one to read image layers");
            }
            return new ImageReader(e).read(image, control);
        };
        cache = new LayersCache(reader, Background.builds(), UiThread.executor());
        layers = new LayersViewModel(cache, Background.executor(), UiThread.executor());
    }

    LayersViewModel layers() {
        return layers;
    }

    LayersCache cache() {
        return cache;
    }

    /** A build starts: the last one's views go, and so do its reads. */
    void building() {
        generation++;
        shown = null;
        cache.cancelAll();
        layers.reset();
        sizes.clearFiles();
    }

    /** A build succeeded; {@code previous} is what the build before it measured (null: none). */
    void built(SizeReport r, BuildSizes previous) {
        generation++;
        shown = r;
        previousFinal = previous == null ? null : previous.finalImageId().orElse(null);
        layers.show(r);
        StageSize fin = r.finalImage().orElse(null);
        if (fin == null) {
            return;
        }
        if (fin.size() <= AUTO_READ_LIMIT) {
            readFinal();
        } else {
            sizes.setFinalStatus("The final image is " + ByteSize.format(fin.size())
                    + ": press Read files to see its largest files and folders", true);
        }
    }

    /** Reads the final image's files (with content hashes, to compare it with the last build's). */
    void readFinal() {
        StageSize fin = shown == null ? null : shown.finalImage().orElse(null);
        if (fin == null) {
            return;
        }
        int gen = generation;
        SizeReport report = shown;
        sizes.setFinalStatus("Reading the final image's files\u2026", false);
        cache.get(fin.image(), fin.size(), true, p -> {
            if (gen == generation) {
                sizes.setFinalStatus(p.text(), false);
            }
        }).whenComplete((r, failure) -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                sizes.setFinalStatus(cancelled(failure) ? "Reading the final image's files was cancelled"
                        : "Can't read the final image's files: " + ImageLoad.reason(failure), true);
                return;
            }
            finalRead(report, fin, StageOrigins.apply(r, fin), gen);
        });
    }

    private void finalRead(SizeReport report, StageSize fin, LayersReport r, int gen) {
        Background.supply(() -> {
            FileNode fs = FileTree.ofFilesystem(r, r.layers().size() - 1);
            List<LargeFile> top = new ArrayList<>();
            for (FileNode f : fs.largestFiles(LARGEST)) {
                Integer line = f.layer() == null ? null : r.layers().get(f.layer()).line();
                top.add(new LargeFile(f.path(), f.size(), line));
            }
            return Map.entry(fs, top);
        }).whenCompleteAsync((made, failure) -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                sizes.setFinalStatus("Can't list the final image's files: " + ImageLoad.reason(failure), false);
                return;
            }
            sizes.showFinalFiles(made.getKey(), made.getValue());
            compareWithPrevious(fin, r, gen);
        }, UiThread.executor());
    }

    /** "Since the last build": the last build's final image against this one, path by path. */
    private void compareWithPrevious(StageSize fin, LayersReport now, int gen) {
        if (previousFinal == null) {
            return;
        }
        if (previousFinal.equals(fin.image())) {
            sizes.setChanges(List.of("no change: the same image as the last build"));
            return;
        }
        cache.get(previousFinal, 0, true, null).whenComplete((before, failure) -> {
            if (gen != generation) {
                return;
            }
            if (failure != null) {
                sizes.setChanges(List.of(cancelled(failure) ? "comparing with the last build was cancelled"
                        : "the last build's final image can't be read (" + ImageLoad.reason(failure) + ")"));
                return;
            }
            Background.supply(() -> SizeChanges.of(ImageDiff.of(before.image(), now.image()), now, CHANGES))
                    .whenCompleteAsync((groups, f) -> {
                        if (gen != generation) {
                            return;
                        }
                        if (f != null) {
                            sizes.setChanges(List.of("can't compare with the last build: " + ImageLoad.reason(f)));
                        } else if (groups.isEmpty()) {
                            sizes.setChanges(List.of("no file changed since the last build"));
                        } else {
                            sizes.setChanges(groups.stream().map(SizeChanges.Group::text).toList());
                        }
                    }, UiThread.executor());
        });
    }

    /** Stops every read (the window closes). */
    void stop() {
        generation++;
        cache.cancelAll();
    }

    /** What a build measured, for the history: sizes and image ids per stage key, the final stage's key. */
    static BuildSizes measured(SizeReport r) {
        Map<String, Long> stageSizes = new LinkedHashMap<>();
        Map<String, String> images = new LinkedHashMap<>();
        String finalKey = null;
        for (StageSize s : r.stages()) {
            String key = s.name() != null ? s.name() : "#" + s.index();
            stageSizes.put(key, s.size());
            if (s.image() != null) {
                images.put(key, s.image());
            }
            if (s.index() == r.finalStage()) {
                finalKey = key;
            }
        }
        Long fin = r.finalImage().map(StageSize::size).orElse(null);
        return new BuildSizes(java.time.Instant.now(), r.builder(), r.target(), stageSizes, fin, images, finalKey);
    }

    private static boolean cancelled(Throwable failure) {
        return failure instanceof CancellationException || failure.getCause() instanceof CancellationException;
    }
}
