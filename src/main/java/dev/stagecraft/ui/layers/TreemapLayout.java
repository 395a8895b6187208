package dev.stagecraft.ui.layers;

import dev.stagecraft.report.layers.FileNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays a file tree out as a squarified treemap (Bruls, Huizing and van Wijk): each node a
 * rectangle whose area is its share of its parent's bytes, rows chosen to keep rectangles near
 * square. Folders down to {@code depth} levels hold their children below a header strip; smaller
 * than {@code minSide} pixels a node is not laid out. Pure; any thread.
 */
public final class TreemapLayout {
    /** A laid-out node: where it is and how deep (1: a child of the root). */
    public record Tile(FileNode node, double x, double y, double w, double h, int depth) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }
    }

    /** The header strip a folder keeps for its name above its children. */
    public static final double HEADER = 15;

    private TreemapLayout() {
    }

    /** Tiles for the children of {@code root} in the rectangle, parents before their children. */
    public static List<Tile> layout(FileNode root, double x, double y, double w, double h, int depth, double minSide) {
        List<Tile> out = new ArrayList<>();
        place(root, x, y, w, h, 1, depth, minSide, out);
        return out;
    }

    private static void place(FileNode parent, double x, double y, double w, double h, int level, int depth,
                              double minSide, List<Tile> out) {
        List<FileNode> kids = new ArrayList<>();
        for (FileNode c : parent.children()) {
            if (c.size() > 0) {
                kids.add(c);
            }
        }
        if (kids.isEmpty() || w < minSide || h < minSide) {
            return;
        }
        kids.sort(Comparator.comparingLong(FileNode::size).reversed());
        List<double[]> rects = squarify(kids.stream().mapToDouble(FileNode::size).toArray(), x, y, w, h);
        for (int i = 0; i < kids.size(); i++) {
            double[] r = rects.get(i);
            if (r[2] < minSide || r[3] < minSide) {
                continue;
            }
            FileNode k = kids.get(i);
            out.add(new Tile(k, r[0], r[1], r[2], r[3], level));
            if (level < depth && k.folder() && r[3] > HEADER + minSide) {
                place(k, r[0] + 1, r[1] + HEADER, r[2] - 2, r[3] - HEADER - 1, level + 1, depth, minSide, out);
            }
        }
    }

    /** Rectangles {x, y, w, h} for values sorted largest first, filling the rectangle. */
    static List<double[]> squarify(double[] values, double x, double y, double w, double h) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        List<double[]> out = new ArrayList<>(values.length);
        if (total <= 0) {
            return out;
        }
        double scale = w * h / total;
        int i = 0;
        while (i < values.length) {
            double side = Math.min(w, h);
            int end = i + 1;
            double rowArea = values[i] * scale;
            double worst = worst(values, i, end, rowArea, side, scale);
            while (end < values.length) {
                double nextArea = rowArea + values[end] * scale;
                double next = worst(values, i, end + 1, nextArea, side, scale);
                if (next > worst) {
                    break;
                }
                worst = next;
                rowArea = nextArea;
                end++;
            }
            // lay the row along the shorter side
            double thick = side == 0 ? 0 : rowArea / side;
            double offset = 0;
            for (int k = i; k < end; k++) {
                double len = thick == 0 ? 0 : values[k] * scale / thick;
                if (w >= h) { // a column at the left
                    out.add(new double[] {x, y + offset, thick, len});
                } else { // a row at the top
                    out.add(new double[] {x + offset, y, len, thick});
                }
                offset += len;
            }
            if (w >= h) {
                x += thick;
                w -= thick;
            } else {
                y += thick;
                h -= thick;
            }
            i = end;
        }
        return out;
    }

    /** The worst aspect ratio of a row of values[from..to) with the given area along a side. */
    private static double worst(double[] values, int from, int to, double rowArea, double side, double scale) {
        if (rowArea <= 0 || side <= 0) {
            return Double.MAX_VALUE;
        }
        double max = values[from] * scale;
        double min = values[to - 1] * scale;
        double s2 = side * side;
        double a2 = rowArea * rowArea;
        return Math.max(s2 * max / a2, a2 / (s2 * Math.max(min, 1e-12)));
    }
}
