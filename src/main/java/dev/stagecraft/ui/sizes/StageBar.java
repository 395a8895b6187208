package dev.stagecraft.ui.sizes;

/** A stage in the size chart: its index and name, bytes, whether it is the final image, the change since the last build ("" if none). */
public record StageBar(int index, String name, long bytes, String size, boolean finalImage, String change) {
}
