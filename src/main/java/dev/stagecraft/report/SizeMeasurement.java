package dev.stagecraft.report;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.ImageInfo;
import dev.stagecraft.engine.Images;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the images a build made, stage by stage: each image's size and history from the
 * engine, each layer mapped back to its Dockerfile line (the entries after the base image's own).
 * Blocking I/O against the engine: call it off the FX thread.
 */
public final class SizeMeasurement {
    private static final System.Logger LOG = System.getLogger(SizeMeasurement.class.getName());

    private final Images images;
    private final Map<String, Integer> baseHistory = new HashMap<>();

    public SizeMeasurement(Images images) {
        this.images = images;
    }

    /**
     * @param stageImages image id of every built stage, by stage index (at least the target's)
     */
    public SizeReport measure(StageGraph graph, Map<Integer, String> stageImages, String image, String target,
                              String builder, double seconds) throws IOException {
        List<StageSize> stages = new ArrayList<>();
        Map<Integer, ImageInfo> infos = new HashMap<>();
        for (Stage s : graph.stages()) {
            String id = stageImages.get(s.index());
            if (id != null) {
                infos.put(s.index(), images.inspect(id));
            }
        }
        for (Stage s : graph.stages()) {
            ImageInfo info = infos.get(s.index());
            if (info == null) {
                continue;
            }
            int base = baseEntries(s, infos);
            stages.add(new StageSize(s.index(), s.name(), info.id(), info.size(), graph.isNeeded(s.index()),
                    LayerAttribution.attribute(s, info.history(), base)));
        }
        return SizeReport.of(graph, image, target, builder, seconds, stages);
    }

    /** How many history entries a stage's image inherits from its base. */
    private int baseEntries(Stage s, Map<Integer, ImageInfo> infos) throws IOException {
        if (s.baseStage() != null) {
            ImageInfo parent = infos.get(s.baseStage());
            if (parent != null) {
                return parent.history().size();
            }
        }
        String base = s.baseResolved();
        if (base.isEmpty() || base.equalsIgnoreCase("scratch")) {
            return 0;
        }
        Integer known = baseHistory.get(base);
        if (known == null) {
            try {
                known = images.history(base).size();
            } catch (IOException e) {
                // a base the engine no longer has: every entry counts as the stage's own
                LOG.log(System.Logger.Level.DEBUG, "no history of base " + base + ": its layers count as the stage's", e);
                known = 0;
            }
            baseHistory.put(base, known);
        }
        return known;
    }
}
