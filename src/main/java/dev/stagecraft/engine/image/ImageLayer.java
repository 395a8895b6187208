package dev.stagecraft.engine.image;

/**
 * A layer of an image in order: its position (0 = the bottom layer), the uncompressed digest the
 * image config lists for it, the history entry that made it (null when the config's history does
 * not say), its size as {@code docker history} reports it, and its content. Immutable.
 *
 * <p>Engines measure layers two ways: overlay2 walking a layer's folder counts regular files and
 * symlinks' target lengths (layers pulled, loaded, imported or committed by the classic builder);
 * Docker's BuildKit counts the tar's payload, regular files only. {@code symlinksCounted} says
 * which one this layer's size follows, so that per-file sums agree with it.
 */
public record ImageLayer(int index, String diffId, String createdBy, long size, boolean symlinksCounted,
                         LayerContent content) {

    /** A layer measured as overlay2 measures a folder, for exports read without an engine to ask. */
    public static ImageLayer measured(int index, String diffId, String createdBy, LayerContent content) {
        return new ImageLayer(index, diffId, createdBy, content.fileBytes() + content.symlinkBytes(), true, content);
    }

    /** The bytes an entry adds to this layer's size. */
    public long countedBytes(LayerEntry e) {
        return switch (e.type()) {
            case FILE -> e.size();
            case SYMLINK -> symlinksCounted ? e.size() : 0;
            default -> 0;
        };
    }

    /** This layer with the size the engine reports for it, and the counting rule that explains it. */
    public ImageLayer withEngineSize(long engineSize) {
        boolean symlinks = engineSize != content.fileBytes();
        return new ImageLayer(index, diffId, createdBy, engineSize, symlinks, content);
    }
}
