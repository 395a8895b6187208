package dev.stagecraft.ui.layers;

import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.LayerOrigin;
import dev.stagecraft.report.layers.LayersReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which Dockerfile line made each layer of a stage's image, from what the build measured: the
 * build's size report lists the image's history with a line per entry (null for the base
 * image's), and the export says which layer each history entry made. Pure; any thread.
 */
public final class StageOrigins {
    private StageOrigins() {
    }

    /** {@code report} with its stage and lines, or as it is when the report is not of that stage's image. */
    public static LayersReport apply(LayersReport report, StageSize stage) {
        List<Integer> historyLayers = report.image().historyLayers();
        List<LayerSize> history = stage.layers();
        if (history.size() != historyLayers.size()) {
            return report; // not the image this build measured (or another history): no lines rather than wrong ones
        }
        List<LayerOrigin> origins = new ArrayList<>(Collections.nCopies(report.layers().size(), null));
        for (int h = 0; h < history.size(); h++) {
            int layer = historyLayers.get(h);
            if (layer >= 0 && layer < origins.size()) {
                Integer line = history.get(h).line();
                origins.set(layer, new LayerOrigin(line == null ? null : stage.index(), line));
            }
        }
        return report.withOrigins(origins);
    }

    /** The layer the instruction at {@code line} made in {@code report}'s image (the last such), or -1. */
    public static int layerOfLine(LayersReport report, int line) {
        for (int i = report.layers().size() - 1; i >= 0; i--) {
            Integer l = report.layers().get(i).line();
            if (l != null && l == line) {
                return i;
            }
        }
        return -1;
    }
}
