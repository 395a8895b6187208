package dev.stagecraft.engine.image;

/**
 * What a layer's tar entry is. {@link #WHITEOUT} ({@code .wh.<name>}) removes a path of the
 * layers below; {@link #OPAQUE} ({@code .wh..wh..opq} in a directory) hides everything the layers
 * below had in that directory. Neither is a file of the image: they are how a layer says
 * "removed".
 */
public enum EntryType {
    FILE("file"), DIR("dir"), SYMLINK("symlink"), HARDLINK("hardlink"), OTHER("other"),
    WHITEOUT("whiteout"), OPAQUE("opaque");

    private final String label;

    EntryType(String label) {
        this.label = label;
    }

    /** The word the reports use: file, dir, symlink, hardlink, other. */
    public String label() {
        return label;
    }

    /** Whether this entry is a removal marker rather than something in the filesystem. */
    public boolean removal() {
        return this == WHITEOUT || this == OPAQUE;
    }
}
