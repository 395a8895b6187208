package dev.stagecraft.report.layers;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.report.LayerAttribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which Dockerfile stage and line made each layer of an image built from a Dockerfile Stagecraft
 * knows: the target stage's chain of bases (root first) is laid over the image's history; the
 * entries of the root's external base image come first (no stage, no line), then each history
 * entry goes to the next instruction of the chain with its keyword, as
 * {@link dev.stagecraft.report.LayerAttribution} does for one stage. Best effort: an image built
 * from another Dockerfile gets wrong or missing lines, never an error. Pure; thread-safe.
 */
public final class LayerOrigins {
    private LayerOrigins() {
    }

    private record Step(int stage, Instruction instruction) {
    }

    /**
     * @param baseHistory how many history entries an external image has (0 if unknown or scratch)
     * @return one origin per layer of {@code image}, in layer order
     */
    public static List<LayerOrigin> of(StageGraph graph, ImageContent image, ToIntFunction<String> baseHistory) {
        List<Stage> chain = new ArrayList<>();
        Stage s = graph.stages().isEmpty() ? null : graph.stages().get(graph.target());
        while (s != null && chain.size() <= graph.stages().size()) {
            chain.add(s);
            s = s.baseStage() == null ? null : graph.stages().get(s.baseStage());
        }
        Collections.reverse(chain);
        List<LayerOrigin> origins = new ArrayList<>(Collections.nCopies(image.layers().size(), null));
        if (chain.isEmpty()) {
            return origins;
        }
        String base = chain.get(0).baseResolved();
        int offset = base == null || base.isEmpty() || base.equalsIgnoreCase("scratch") ? 0
                : baseHistory.applyAsInt(base);
        List<Step> steps = new ArrayList<>();
        for (Stage st : chain) {
            st.instructions().subList(1, st.instructions().size()).forEach(i -> steps.add(new Step(st.index(), i)));
        }
        List<HistoryEntry> history = image.history();
        int next = 0;
        for (int h = 0; h < history.size(); h++) {
            Step matched = null;
            if (h >= offset) {
                String keyword = keyword(history.get(h).createdBy());
                for (int k = next; k < steps.size(); k++) {
                    if (steps.get(k).instruction().keyword().equalsIgnoreCase(keyword)) {
                        matched = steps.get(k);
                        next = k + 1;
                        break;
                    }
                }
            }
            int layer = image.historyLayers().get(h);
            if (layer >= 0 && matched != null) {
                origins.set(layer, new LayerOrigin(matched.stage(), matched.instruction().line()));
            }
        }
        return origins;
    }

    /** The keyword a history entry was made by (see {@link LayerAttribution#keyword}). */
    static String keyword(String createdBy) {
        return LayerAttribution.keyword(createdBy);
    }
}
