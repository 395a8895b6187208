package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;

/**
 * How far a read of an image has come: bytes of the export read out of about {@code total} (the
 * image's size; 0 when unknown), layers and tar entries read. Immutable.
 */
public record LoadProgress(String image, long bytes, long total, int layers, long entries) {

    /** 0..1 for a progress bar, or -1 (indeterminate) while the size is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(0.99, (double) bytes / total);
    }

    /** "Reading sha256:0e7ac955… 12 MB of 574 MB, 3 layers". */
    public String text() {
        String of = total > 0 ? " of " + ByteSize.format(total) : "";
        return "Reading " + ImageLoad.shortId(image) + ": " + ByteSize.format(bytes) + of + ", "
                + layers + (layers == 1 ? " layer" : " layers");
    }
}
