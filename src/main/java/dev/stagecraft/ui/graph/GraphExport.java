package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * Pictures the shown graph (not just the part in view, only the stages a focus shows) and the
 * legend: an image, a snapshot of the canvas without pan and zoom above one of the legend, or SVG
 * text written from the nodes' and edges' geometry in the theme's colours. Writing them to a file
 * is the window's, off the FX thread. FX thread only.
 */
final class GraphExport {
    private static final double MARGIN = 24;
    /** The room below the graph for the legend. */
    private static final double LEGEND = 96;
    /** The narrowest the legend is drawn in a PNG (below a small graph it wraps to this width). */
    private static final double LEGEND_MIN_WIDTH = 420;

    private GraphExport() {
    }

    /** The most pixels an exported image has (a 1,600-stage graph is scaled down to fit). */
    private static final double MAX_PIXELS = 24e6;

    /** Pixels per graph unit in an exported PNG of a graph {@code width} by {@code height}: 2, less for a huge graph. */
    static double scale(double width, double height) {
        return Math.min(2, Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
    }

    /**
     * The shown nodes and edges (not just what is in view) as drawn now (compact when zoomed out),
     * at twice the screen resolution, with the legend open below them, on
     * the pane's background.
     */
    static WritableImage image(GraphView view, GraphCanvas canvas, GraphLegend legend) {
        Color fill = view.getBackground() != null && !view.getBackground().getFills().isEmpty()
                && view.getBackground().getFills().get(0).getFill() instanceof Color c ? c : Color.WHITE;
        boolean compact = canvas.compact();
        boolean legendCollapsed = legend.collapsed();
        List<Transform> saved = List.copyOf(canvas.getTransforms());
        try {
            canvas.getTransforms().clear();
            Bounds b = drawnBounds(canvas);
            legend.setCollapsed(false);
            legend.applyCss();
            // as wide as the graph (the legend wraps below a narrow one, one row below a wide one)
            double scale = scale(b.getWidth(), b.getHeight());
            double legendScale = Math.max(1, scale);
            double legendWidth = Math.max(LEGEND_MIN_WIDTH, Math.min(b.getWidth() * scale / legendScale,
                    legend.prefWidth(-1)));
            legend.resize(legendWidth, legend.prefHeight(legendWidth));
            legend.layout();
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(fill);
            params.setTransform(Transform.scale(scale, scale));
            params.setViewport(new Rectangle2D(b.getMinX() * scale, b.getMinY() * scale, Math.ceil(b.getWidth() * scale),
                    Math.ceil(b.getHeight() * scale)));
            WritableImage graph = canvas.snapshot(params, null);
            SnapshotParameters legendParams = new SnapshotParameters();
            legendParams.setFill(fill);
            legendParams.setTransform(Transform.scale(legendScale, legendScale));
            // a snapshot draws the node where it sits in its parent (its layout position is one of
            // its transforms): the viewport starts there, not at 0,0, which is the graph above it
            javafx.geometry.Point2D at = legend.localToParent(0, 0);
            legendParams.setViewport(new Rectangle2D(at.getX() * legendScale, at.getY() * legendScale,
                    Math.ceil(legend.getWidth() * legendScale), Math.ceil(legend.getHeight() * legendScale)));
            WritableImage key = legend.snapshot(legendParams, null);
            int w = (int) Math.max(graph.getWidth(), key.getWidth());
            int h = (int) (graph.getHeight() + key.getHeight());
            WritableImage out = new WritableImage(w, h);
            PixelWriter px = out.getPixelWriter();
            int gw = (int) graph.getWidth();
            int gh = (int) graph.getHeight();
            int kw = (int) key.getWidth();
            px.setPixels(0, 0, gw, gh, graph.getPixelReader(), 0, 0);
            px.setPixels(0, gh, kw, (int) key.getHeight(), key.getPixelReader(), 0, 0);
            int[] row = new int[w];
            java.util.Arrays.fill(row, argb(fill));
            javafx.scene.image.WritablePixelFormat<java.nio.IntBuffer> format = javafx.scene.image.PixelFormat.getIntArgbInstance();
            for (int y = 0; y < h; y++) { // the background right of the narrower part
                int from = y < gh ? gw : kw;
                if (from < w) {
                    px.setPixels(from, y, w - from, 1, format, row, 0, w);
                }
            }
            return out;
        } finally {
            canvas.getTransforms().setAll(saved);
            canvas.setCompact(compact, view.viewBounds());
            legend.setCollapsed(legendCollapsed);
            view.requestLayout(); // the legend gets the pane's width back
        }
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** The shown nodes, edges and labels, with a margin (graph coordinates). */
    static Bounds drawnBounds(GraphCanvas canvas) {
        Bounds nodes = canvas.shownBounds();
        if (nodes == null) {
            return new BoundingBox(0, 0, 220, 60);
        }
        double minX = nodes.getMinX();
        double minY = nodes.getMinY();
        double maxX = nodes.getMaxX();
        double maxY = nodes.getMaxY();
        for (Region r : canvas.shownNodes()) {
            Bounds b = r.getBoundsInParent(); // with the drop shadow
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        for (EdgeView e : canvas.shownEdges()) {
            Bounds b = e.getBoundsInParent();
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new BoundingBox(minX - MARGIN, minY - MARGIN, maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN);
    }

    static String svgText(GraphCanvas canvas) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Region r : canvas.shownNodes()) {
            minX = Math.min(minX, r.getLayoutX());
            minY = Math.min(minY, r.getLayoutY());
            maxX = Math.max(maxX, r.getLayoutX() + r.getPrefWidth());
            maxY = Math.max(maxY, r.getLayoutY() + r.getPrefHeight());
        }
        if (minX > maxX) {
            minX = minY = maxX = maxY = 0;
        }
        SvgPalette c = SvgPalette.of(canvas);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"%.1f %.1f %.0f %.0f\""
                + " font-family=\"sans-serif\">%n", Math.max(maxX - minX, 220) + 2 * MARGIN,
                maxY - minY + 2 * MARGIN + LEGEND, minX - MARGIN, minY - MARGIN, Math.max(maxX - minX, 220) + 2 * MARGIN,
                maxY - minY + 2 * MARGIN + LEGEND));
        sb.append("<style>")
                .append(f(".node{fill:%s;stroke:%s;stroke-width:1.2}.target{stroke:%s;stroke-width:3}", c.node(), c.border(),
                        c.accent()))
                .append(f(".unused{opacity:.45}.external{fill:%s;stroke:%s;stroke-dasharray:4 3}", c.node(), c.border()))
                .append(f(".edge{fill:none;stroke:%s;stroke-width:1.4}.copy{stroke-dasharray:7 4}"
                        + ".mount{stroke-dasharray:2 3}.arrow{fill:%s}", c.edge(), c.edge()))
                .append(f(".name{font-weight:bold;font-size:13px;fill:%s}.small{font-size:11px;fill:%s}"
                        + ".tag{font-size:10px;fill:%s;font-weight:bold}", c.text(), c.muted(), c.accent()))
                .append("</style>\n");
        sb.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n", minX - MARGIN,
                minY - MARGIN, c.background()));
        for (EdgeView e : canvas.shownEdges()) {
            String kind = e.kind() == EdgeKind.BASE ? "" : " " + e.kind().label();
            sb.append(f("<path class=\"edge%s\" d=\"%s\"/>%n", kind, e.svgPath()));
            List<Double> a = e.arrowPoints();
            sb.append(f("<polygon class=\"arrow\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>%n", a.get(0), a.get(1),
                    a.get(2), a.get(3), a.get(4), a.get(5)));
            if (!e.labelContent().isEmpty()) {
                double x = e.labelPlace().getX() + 3;
                sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">", x, e.labelPlace().getY() + 11));
                String[] lines = e.labelContent().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    sb.append(i == 0 ? escape(lines[i]) : f("<tspan x=\"%.1f\" dy=\"13\">%s</tspan>", x, escape(lines[i])));
                }
                sb.append("</text>\n");
            }
        }
        for (StageNodeView n : canvas.stageNodes()) {
            if (n.isVisible()) {
                appendStage(sb, n);
            }
        }
        for (ExternalImageView r : canvas.externalNodes().values()) {
            if (!r.isVisible()) {
                continue;
            }
            sb.append(f("<g><title>%s</title><rect class=\"external\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\""
                    + " rx=\"6\"/>%n", escape(r.image()), r.getLayoutX(), r.getLayoutY(), r.getPrefWidth(), r.getPrefHeight()));
            sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text></g>%n", r.getLayoutX() + 8,
                    r.getLayoutY() + 19, escape(clip(r.image(), 26))));
        }
        appendLegend(sb, minX, maxY + MARGIN);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void appendStage(StringBuilder sb, StageNodeView n) {
        double x = n.getLayoutX();
        double y = n.getLayoutY();
        boolean target = n.hasClass("target");
        sb.append(f("<g%s><title>%s</title>%n", n.hasClass("unused") ? " class=\"unused\"" : "", escape(n.nameText())));
        double width = n.getPrefWidth();
        int chars = (int) ((width - 20) / 6.2); // about the width of a character of the small text
        sb.append(f("<rect class=\"node%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\"/>%n",
                target ? " target" : "", x, y, width, StageNodeView.HEIGHT));
        sb.append(f("<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 20, escape(n.nameText())));
        if (target) {
            sb.append(f("<text class=\"tag\" text-anchor=\"end\" x=\"%.1f\" y=\"%.1f\">final image</text>%n",
                    x + width - 10, y + 19));
        }
        sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 38,
                escape(clip(n.baseText(), chars))));
        sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 55, escape(n.detailsText())));
        if (n.badgeText() != null) {
            sb.append(f("<text class=\"tag\" text-anchor=\"end\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    x + width - 10, y + 55, escape(n.badgeText())));
        }
        sb.append("</g>\n");
    }

    /** What the view's legend says: the edge styles, external images and the target. */
    private static void appendLegend(StringBuilder sb, double x, double y) {
        String[][] rows = {{"edge", "FROM another stage"}, {"edge copy", "COPY --from (copied path)"},
            {"edge mount", "RUN --mount from"}};
        sb.append("<g class=\"legend\">\n");
        for (int i = 0; i < rows.length; i++) {
            double ry = y + 14 * i;
            sb.append(f("<path class=\"%s\" d=\"M%.1f %.1f H%.1f\"/><text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    rows[i][0], x, ry, x + 28, x + 36, ry + 4, rows[i][1]));
        }
        sb.append(f("<rect class=\"external\" x=\"%.1f\" y=\"%.1f\" width=\"28\" height=\"10\" rx=\"3\"/>"
                + "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">image used but not built</text>%n", x, y + 37, x + 36,
                y + 46));
        sb.append(f("<text class=\"tag\" x=\"%.1f\" y=\"%.1f\">final image</text><text class=\"small\" x=\"%.1f\""
                + " y=\"%.1f\">the target; faded: not needed by it</text>%n", x, y + 60, x + 72, y + 60));
        sb.append("</g>\n");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
