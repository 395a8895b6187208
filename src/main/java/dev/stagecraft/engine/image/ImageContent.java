package dev.stagecraft.engine.image;

import dev.stagecraft.engine.HistoryEntry;
import java.util.List;

/**
 * An image as its export shows it: its id (the config's digest), tags, which layout the engine
 * exported, its layers bottom first, its history as {@code docker history} lists it (oldest
 * first, empty-layer steps with size 0) and, for each history entry, the index of the layer it
 * made (-1 for steps that made none). Immutable; safe to hand to any thread.
 */
public record ImageContent(String id, List<String> tags, String layout, List<ImageLayer> layers,
                           List<HistoryEntry> history, List<Integer> historyLayers) {
    public static final String DOCKER_ARCHIVE = "docker-archive";
    public static final String OCI_LAYOUT = "oci-layout";

    public ImageContent {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        history = List.copyOf(history);
        historyLayers = List.copyOf(historyLayers);
    }

    /** The same image with its layers' sizes and its history as the engine reports them. */
    public ImageContent withEngineHistory(List<HistoryEntry> engineHistory) {
        if (engineHistory.size() != history.size()) {
            return this;
        }
        List<ImageLayer> sized = new java.util.ArrayList<>(layers);
        for (int h = 0; h < engineHistory.size(); h++) {
            int layer = historyLayers.get(h);
            if (layer >= 0) {
                sized.set(layer, layers.get(layer).withEngineSize(engineHistory.get(h).size()));
            }
        }
        return new ImageContent(id, tags, layout, sized, engineHistory, historyLayers);
    }

    /** The sum of the layers' sizes: {@code docker image inspect}'s Size. */
    public long size() {
        return layers.stream().mapToLong(ImageLayer::size).sum();
    }
}
