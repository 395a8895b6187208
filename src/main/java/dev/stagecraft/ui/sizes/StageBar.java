package dev.stagecraft.ui.sizes;

/** A stage in the size chart: its index and name, bytes, whether it is the final image, the change since the last build ("" if none). */
public record StageBar(int index, String name, long bytes, String size, boolean finalImage, String change) {
    /** The shortest a bar is drawn, whatever its share: a 700 kB final image beside a 500 MB builder stays visible. */
    public static final double MIN_WIDTH = 6;

    /**
     * The bar's length on a linear scale where the largest stage ({@code largest} bytes) takes
     * {@code room} pixels, but never under {@link #MIN_WIDTH} (its size is written beside it).
     */
    public double width(long largest, double room) {
        double share = largest <= 0 ? 0 : (double) bytes / largest;
        return Math.max(MIN_WIDTH, Math.min(1, share) * Math.max(0, room));
    }
}
