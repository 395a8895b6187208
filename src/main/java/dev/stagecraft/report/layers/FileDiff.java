package dev.stagecraft.report.layers;

/**
 * A path whose final state differs between two images: added (only in B), removed (only in A) or
 * modified (type, mode, size, link target or content differ). Sizes are null where the path is
 * absent. Immutable.
 */
public record FileDiff(String path, Change change, Long sizeA, Long sizeB) {

    /** B's size minus A's, absent counting as 0. */
    public long delta() {
        return (sizeB == null ? 0 : sizeB) - (sizeA == null ? 0 : sizeA);
    }
}
