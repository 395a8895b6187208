package dev.stagecraft.ui.graph.layout;

import java.util.ArrayList;
import java.util.List;

/** Geometric checks on a laid-out graph: segments through boxes, overlapping boxes. Test helper. */
public final class LayoutGeometry {
    /** An axis-aligned box: left, top, width, height. */
    public record Rect(String what, double x, double y, double w, double h) {
        /** Whether the interiors of this box and {@code o} share any point (touching edges do not). */
        public boolean overlaps(Rect o) {
            double e = 0.5;
            return x + e < o.x + o.w && o.x + e < x + w && y + e < o.y + o.h && o.y + e < y + h;
        }
    }

    private LayoutGeometry() {
    }

    /**
     * Whether the segment (x1,y1)-(x2,y2) passes through the inside of {@code r} (shrunk by half a
     * pixel: a segment may start or end on a box's side). Liang–Barsky clipping.
     */
    public static boolean crosses(double x1, double y1, double x2, double y2, Rect r) {
        double e = 0.5;
        double minX = r.x() + e;
        double maxX = r.x() + r.w() - e;
        double minY = r.y() + e;
        double maxY = r.y() + r.h() - e;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false; // parallel to this side and outside (or on) it
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 < t1;
    }

    /** Every problem found: segments through boxes, labels over boxes or each other. */
    public static List<String> problems(List<Rect> nodes, List<List<double[]>> polylines, List<String> names,
            List<Rect> labels) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < polylines.size(); k++) {
            List<double[]> pts = polylines.get(k);
            for (int i = 0; i + 1 < pts.size(); i++) {
                for (Rect n : nodes) {
                    if (crosses(pts.get(i)[0], pts.get(i)[1], pts.get(i + 1)[0], pts.get(i + 1)[1], n)) {
                        out.add("edge " + names.get(k) + " segment " + i + " passes through " + n.what());
                    }
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (Rect n : nodes) {
                if (labels.get(i).overlaps(n)) {
                    out.add("label " + labels.get(i).what() + " covers " + n.what());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    out.add("labels " + labels.get(i).what() + " and " + labels.get(j).what() + " overlap");
                }
            }
        }
        return out;
    }
}
