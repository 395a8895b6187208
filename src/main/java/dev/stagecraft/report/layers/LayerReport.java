package dev.stagecraft.report.layers;

import java.util.List;

/**
 * One layer of an image: its place, digest, size (as {@code docker history} reports it), the
 * history entry and, when known, the Dockerfile stage and line that made it, and the paths it
 * added, modified and removed, in the tar's order. Immutable.
 */
public record LayerReport(int index, String diffId, long size, String createdBy, Integer stage, Integer line,
                          List<FileChange> files, int added, int modified, int removed) {
    public LayerReport {
        files = List.copyOf(files);
    }

    /** The same layer with its Dockerfile origin. */
    public LayerReport withOrigin(Integer stage, Integer line) {
        return new LayerReport(index, diffId, size, createdBy, stage, line, files, added, modified, removed);
    }
}
