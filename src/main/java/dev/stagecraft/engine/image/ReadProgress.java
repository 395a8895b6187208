package dev.stagecraft.engine.image;

/**
 * Told how far a read has come. Called on the reading thread, often (every few megabytes and at
 * each layer's end): keep it cheap and hand over to the UI thread yourself.
 */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = (bytes, layers, entries) -> { };

    /**
     * @param bytesRead   bytes of the export read so far
     * @param layersRead  layers read completely so far
     * @param entriesRead tar entries read so far, over all layers
     */
    void update(long bytesRead, int layersRead, long entriesRead);
}
