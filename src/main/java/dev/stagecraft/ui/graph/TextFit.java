package dev.stagecraft.ui.graph;

import javafx.scene.text.Text;

/**
 * Fitting a node's texts: their widths in their own fonts, rounded up to whole pixels as a
 * label's would be, and eliding a text to the room it has; the node and edge-label sizes of
 * {@link NodeMetrics} measure with it too. FX thread only, like every node.
 */
final class TextFit {
    /** Measures strings in a text's font. */
    private static final Text MEASURE = new Text();

    private TextFit() {
    }

    /** The width of {@code s} in {@code t}'s font, rounded up to a whole pixel. */
    static double width(String s, Text t) {
        return Math.ceil(bounds(s, t.getFont()).getWidth());
    }

    /** The layout bounds of {@code s} (one line or more) in {@code font}, not rounded. */
    static javafx.geometry.Bounds bounds(String s, javafx.scene.text.Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds();
    }

    /** The height of {@code t} as drawn, rounded up to a whole pixel. */
    static double height(Text t) {
        return Math.ceil(t.getLayoutBounds().getHeight());
    }

    /** Shows {@code whole} in {@code t}, or as much of it as fits in {@code room} followed by an ellipsis. */
    static void elide(Text t, String whole, double room) {
        String shown = whole;
        if (width(whole, t) > room) {
            int lo = 0;
            int hi = whole.length();
            while (lo < hi) { // the longest start that fits with the ellipsis
                int mid = (lo + hi + 1) / 2;
                if (width(whole.substring(0, mid) + "…", t) <= room) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            shown = whole.substring(0, lo) + "…";
        }
        if (!shown.equals(t.getText())) {
            t.setText(shown);
        }
    }
}
