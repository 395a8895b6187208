package dev.stagecraft.report;

import java.util.List;

/** A stage's image after a build: id, size ({@code docker image inspect}'s Size) and layers, oldest first. */
public record StageSize(int index, String name, String image, long size, boolean needed, List<LayerSize> layers) {
    public StageSize {
        layers = List.copyOf(layers);
    }

    public String displayName() {
        return name != null ? name : "#" + index;
    }
}
