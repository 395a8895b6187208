package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.LayerEntry;

/**
 * A path as one layer left it: the entry, the layer (0 = bottom) and the bytes it adds to that
 * layer's size. Immutable.
 */
public record Version(int layer, LayerEntry entry, long bytes) {
}
