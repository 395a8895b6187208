package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files a {@code COPY --from} carried: the non-folder entries of the layer its line made in
 * the receiving stage's image, with their sizes (a symlink's is its target's length). Immutable.
 */
public record CopiedFiles(CopySize copy, List<CopiedFiles.File> files) {
    /** One carried path and its size. */
    public record File(String path, long size) {
    }

    public CopiedFiles {
        files = List.copyOf(files);
    }

    /**
     * @param receiving the layers report of the copy's receiving stage's image ({@code copy.to()})
     */
    public static Optional<CopiedFiles> of(SizeReport report, CopySize copy, LayersReport receiving) {
        Optional<StageSize> stage = report.stage(copy.to());
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        List<LayerSize> history = stage.get().layers();
        List<Integer> historyLayers = receiving.image().historyLayers();
        if (history.size() != historyLayers.size()) {
            return Optional.empty(); // not the image this report measured
        }
        for (int h = history.size() - 1; h >= 0; h--) {
            Integer line = history.get(h).line();
            int layer = historyLayers.get(h);
            if (line != null && line == copy.line() && layer >= 0) {
                List<File> files = new ArrayList<>();
                for (FileChange f : receiving.layers().get(layer).files()) {
                    if (f.type() != EntryType.DIR && f.change() != Change.REMOVED) {
                        files.add(new File(f.path(), f.size()));
                    }
                }
                return Optional.of(new CopiedFiles(copy, files));
            }
        }
        return Optional.empty();
    }
}
