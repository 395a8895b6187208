package dev.stagecraft.report.layers;

import java.util.List;

/**
 * Bytes of a path that layers shipped but the final filesystem does not show: versions overwritten
 * by a later layer, or removed by a whiteout or an opaque directory. Each hidden version counts
 * once. {@code layers} lists the layers involved: those that wrote the hidden versions and those
 * that hid them, ascending. Immutable.
 */
public record WastedFile(String path, long bytes, List<Integer> layers) {
    public WastedFile {
        layers = List.copyOf(layers);
    }
}
