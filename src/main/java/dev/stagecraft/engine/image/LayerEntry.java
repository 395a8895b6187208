package dev.stagecraft.engine.image;

/**
 * One entry of a layer's tar, as the layer states it. Immutable.
 *
 * @param path       absolute, normalised ("/usr/bin/gcc"); for a whiteout the path it removes, for
 *                   an opaque marker the directory it empties
 * @param type       file, dir, symlink, hard link, other (devices, fifos), whiteout or opaque
 * @param mode       permission bits (07777)
 * @param size       a file's content length; a symlink's target length in bytes (what overlay2
 *                   counts for it when it measures a layer's folder); 0 for everything else
 * @param linkTarget a symlink's target as written, a hard link's target path (absolute); else null
 * @param sha256     hex SHA-256 of a file's content when the read was asked to hash, else null
 */
public record LayerEntry(String path, EntryType type, int mode, long size, String linkTarget, String sha256) {

    /** "0755". */
    public String modeString() {
        return String.format("%04o", mode);
    }
}
