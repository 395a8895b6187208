package dev.stagecraft.ui.sizes;

import dev.stagecraft.engine.ByteSize;

/** One of the final image's largest files: its path, size and the Dockerfile line that made it (null: the base image's). Immutable. */
public record LargeFile(String path, long size, Integer line) {
    /** "3 MB  /blob  · line 4". */
    @Override
    public String toString() {
        return ByteSize.format(size) + "  " + path + (line == null ? "  \u00b7 base image" : "  \u00b7 line " + line);
    }
}
