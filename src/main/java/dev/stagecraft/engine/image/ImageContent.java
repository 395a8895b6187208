package dev.stagecraft.engine.image;

import dev.stagecraft.engine.HistoryEntry;
import java.util.List;

/**
 * An image as its export shows it: its id (the config's digest), tags, which layout the engine
 * exported, its layers bottom first, and its history as {@code docker history} lists it (oldest
 * first, empty-layer steps with size 0). Immutable; safe to hand to any thread.
 */
public record ImageContent(String id, List<String> tags, String layout, List<ImageLayer> layers,
                           List<HistoryEntry> history) {
    public static final String DOCKER_ARCHIVE = "docker-archive";
    public static final String OCI_LAYOUT = "oci-layout";

    public ImageContent {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        history = List.copyOf(history);
    }

    /** The sum of the layers' sizes: {@code docker image inspect}'s Size. */
    public long size() {
        return layers.stream().mapToLong(ImageLayer::size).sum();
    }
}
