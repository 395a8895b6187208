package dev.stagecraft.engine.image;

/**
 * A layer of an image in order: its position (0 = the bottom layer), the uncompressed digest the
 * image config lists for it, the history entry that made it (null when the config's history does
 * not say), and its content. Immutable.
 */
public record ImageLayer(int index, String diffId, String createdBy, LayerContent content) {

    public long size() {
        return content.size();
    }
}
