package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;

/**
 * A path a layer added, modified or removed. For a removal, the type, mode and size are those of
 * what was removed (size: the bytes it hid, its subtree's for a directory). Immutable.
 *
 * @param size a file's length, a symlink's target length, a removed directory's hidden bytes; else 0
 */
public record FileChange(String path, EntryType type, int mode, long size, String linkTarget, Change change) {

    /** "0755". */
    public String modeString() {
        return String.format("%04o", mode);
    }
}
