package dev.stagecraft.ui.graph;

import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours an SVG export uses, read from what the theme's CSS gave the live nodes, so a dark
 * theme exports a dark graph; light defaults where a node does not say. FX thread only.
 */
record SvgPalette(String background, String node, String border, String text, String muted, String accent,
        String edge) {

    static SvgPalette of(GraphCanvas canvas) {
        String background = "#f6f8fa";
        String node = "#ffffff";
        String border = "#d0d7de";
        String text = "#1f2328";
        String muted = "#57606a";
        String accent = "#0969da";
        String edge = muted;
        for (javafx.scene.Parent p = canvas.getParent(); p != null; p = p.getParent()) {
            if (p instanceof GraphView pane) {
                background = fill(pane.getBackground(), background);
                break;
            }
        }
        for (StageNodeView n : canvas.stageNodes()) {
            Region body = n.body();
            if (n.hasClass("target")) {
                accent = stroke(body.getBorder(), accent);
            } else if (!n.hasClass("selected") && n.getStyleClass().stream().noneMatch(c -> c.startsWith("state-"))) {
                node = fill(body.getBackground(), node);
                border = stroke(body.getBorder(), border);
            }
            text = css(n.nameNode().getFill(), text);
            muted = css(n.baseNode().getFill(), muted);
        }
        if (!canvas.edgeViews().isEmpty() && canvas.edgeViews().get(0).getChildrenUnmodifiable().get(0)
                instanceof javafx.scene.shape.Shape line) {
            edge = css(line.getStroke(), edge);
        }
        return new SvgPalette(background, node, border, text, muted, accent, edge);
    }

    private static String fill(Background b, String fallback) {
        return b == null || b.getFills().isEmpty() ? fallback : css(b.getFills().get(0).getFill(), fallback);
    }

    private static String stroke(Border b, String fallback) {
        return b == null || b.getStrokes().isEmpty() ? fallback : css(b.getStrokes().get(0).getTopStroke(), fallback);
    }

    private static String css(Paint p, String fallback) {
        if (!(p instanceof Color c) || c.getOpacity() == 0) {
            return fallback;
        }
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
