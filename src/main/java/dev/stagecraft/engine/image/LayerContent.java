package dev.stagecraft.engine.image;

import java.util.List;

/**
 * What one layer tar holds: its entries in tar order, the bytes of its regular files (a hard
 * link's content counted once, under its first name) and the bytes of its symlinks' targets.
 * Immutable.
 *
 * @param entries      the entries, in the order of the tar
 * @param fileBytes    regular files' content bytes: the tar's payload
 * @param symlinkBytes the lengths of the symlinks' targets
 * @param compression  how the layer was stored in the export
 */
public record LayerContent(List<LayerEntry> entries, long fileBytes, long symlinkBytes, Compression compression) {
    public LayerContent {
        entries = List.copyOf(entries);
    }
}
