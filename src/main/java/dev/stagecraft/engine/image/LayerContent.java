package dev.stagecraft.engine.image;

import java.util.List;

/**
 * What one layer tar holds: its entries in tar order and its size as {@code docker history}
 * reports it (regular files' bytes and symlinks' target lengths; a hard link counts once).
 * Immutable.
 *
 * @param entries     the entries, in the order of the tar
 * @param size        the layer's size as the engine counts it
 * @param compression how the layer was stored in the export
 */
public record LayerContent(List<LayerEntry> entries, long size, Compression compression) {
    public LayerContent {
        entries = List.copyOf(entries);
    }
}
