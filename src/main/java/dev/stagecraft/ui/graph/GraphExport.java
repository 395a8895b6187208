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
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/** Writes the whole graph (not just the visible part) as PNG or SVG. FX thread only. */
final class GraphExport {
    private GraphExport() {
    }

    static void png(Pane canvas, Path file) throws IOException {
        List<Transform> saved = List.copyOf(canvas.getTransforms());
        canvas.getTransforms().clear();
        try {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.WHITE);
            params.setTransform(Transform.scale(2, 2));
            WritableImage image = canvas.snapshot(params, null);
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } finally {
            canvas.getTransforms().setAll(saved);
        }
    }

    static void svg(GraphView view, Path file) throws IOException {
        double maxX = 0;
        double maxY = 0;
        for (Region r : view.allRegions()) {
            maxX = Math.max(maxX, r.getLayoutX() + r.getPrefWidth());
            maxY = Math.max(maxY, r.getLayoutY() + r.getPrefHeight());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                        + " font-family=\"sans-serif\">%n", maxX + 24, maxY + 24, maxX + 24, maxY + 24));
        sb.append("<style>.node{fill:#fff;stroke:#57606a;stroke-width:1.2}.target{stroke:#0969da;stroke-width:3}"
                + ".unused{opacity:.45}.external{fill:#f6f8fa;stroke:#57606a;stroke-dasharray:4 3}"
                + ".edge{fill:none;stroke:#57606a;stroke-width:1.4}.copy{stroke-dasharray:7 4}.mount{stroke-dasharray:2 3}"
                + ".name{font-weight:bold;font-size:13px}.small{font-size:11px;fill:#57606a}</style>\n");
        for (EdgeView e : view.edgeViews()) {
            double[] g = e.geometry();
            String kind = e.kind() == EdgeKind.BASE ? "" : " " + e.kind().label();
            sb.append(String.format(Locale.ROOT, "<path class=\"edge%s\" d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\"/>%n",
                    kind, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]));
            sb.append(String.format(Locale.ROOT, "<polygon fill=\"#57606a\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>%n",
                    g[6], g[7], g[6] - 9, g[7] - 4.5, g[6] - 9, g[7] + 4.5));
            if (!e.labelText().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                        e.labelX(), e.labelY() + 10, escape(e.labelText())));
            }
        }
        for (StageNodeView n : view.stageNodes()) {
            String cls = "node" + (n.hasClass("target") ? " target" : "");
            String group = n.hasClass("unused") ? " class=\"unused\"" : "";
            double x = n.getLayoutX();
            double y = n.getLayoutY();
            sb.append(String.format(Locale.ROOT, "<g%s><rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\"/>%n",
                    group, cls, x, y, StageNodeView.WIDTH, StageNodeView.HEIGHT));
            sb.append(String.format(Locale.ROOT, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 20,
                    escape(n.nameText())));
            sb.append(String.format(Locale.ROOT, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 10, y + 40,
                    escape(n.baseText())));
            if (n.hasClass("target")) {
                sb.append(String.format(Locale.ROOT, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">final image</text>%n",
                        x + 10, y + 60));
            }
            sb.append("</g>\n");
        }
        for (Region r : view.externalNodes().values()) {
            String image = ((javafx.scene.control.Label) r).getText();
            sb.append(String.format(Locale.ROOT, "<rect class=\"external\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"6\"/>%n",
                    r.getLayoutX(), r.getLayoutY(), r.getPrefWidth(), r.getPrefHeight()));
            sb.append(String.format(Locale.ROOT, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    r.getLayoutX() + 8, r.getLayoutY() + 19, escape(image)));
        }
        sb.append("</svg>\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
