package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Writes the whole graph (not just the part in view) as PNG, a snapshot of the canvas without
 * pan and zoom, or as SVG written from the nodes' and edges' geometry in the theme's colours.
 * FX thread only.
 */
final class GraphExport {
    private static final double MARGIN = 24;
    /** The room below the graph for the legend. */
    private static final double LEGEND = 96;

    private GraphExport() {
    }

    static void png(GraphCanvas canvas, Background background, Path file) throws IOException {
        List<Transform> saved = List.copyOf(canvas.getTransforms());
        canvas.getTransforms().clear();
        try {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(background != null && !background.getFills().isEmpty()
                    && background.getFills().get(0).getFill() instanceof Color c ? c : Color.WHITE);
            params.setTransform(Transform.scale(2, 2));
            WritableImage image = canvas.snapshot(params, null);
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } finally {
            canvas.getTransforms().setAll(saved);
        }
    }

    static void svg(GraphCanvas canvas, Path file) throws IOException {
        Files.writeString(file, svgText(canvas), StandardCharsets.UTF_8);
    }

    static String svgText(GraphCanvas canvas) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Region r : canvas.allNodes()) {
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
        for (EdgeView e : canvas.edgeViews()) {
            String kind = e.kind() == EdgeKind.BASE ? "" : " " + e.kind().label();
            sb.append(f("<path class=\"edge%s\" d=\"%s\"/>%n", kind, e.svgPath()));
            List<Double> a = e.arrowPoints();
            sb.append(f("<polygon class=\"arrow\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>%n", a.get(0), a.get(1),
                    a.get(2), a.get(3), a.get(4), a.get(5)));
            if (!e.labelText().isEmpty()) {
                sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                        e.labelX(), e.labelY() + 11, escape(e.labelText())));
            }
        }
        for (StageNodeView n : canvas.stageNodes()) {
            appendStage(sb, n);
        }
        for (ExternalImageView r : canvas.externalNodes().values()) {
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
        sb.append(f("<rect class=\"node%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\"/>%n",
                target ? " target" : "", x, y, StageNodeView.WIDTH, StageNodeView.HEIGHT));
        sb.append(f("<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 20,
                escape(clip(n.nameText(), target ? 16 : 24))));
        if (target) {
            sb.append(f("<text class=\"tag\" text-anchor=\"end\" x=\"%.1f\" y=\"%.1f\">final image</text>%n",
                    x + StageNodeView.WIDTH - 10, y + 19));
        }
        sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 38,
                escape(clip(n.baseText(), 28))));
        sb.append(f("<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 55,
                escape(clip(n.detailsText(), n.badgeText() == null ? 28 : 18))));
        if (n.badgeText() != null) {
            sb.append(f("<text class=\"tag\" text-anchor=\"end\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    x + StageNodeView.WIDTH - 10, y + 55, escape(n.badgeText())));
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
