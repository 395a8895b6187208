package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.FileNode;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The final image's bytes by folder as a squarified treemap, two levels deep: each top folder a
 * colour, its children inside it. Clicking a rectangle hands its path to the window (which shows
 * it in the file tree); the pointer's rectangle is named in a tooltip. Drawn on a canvas sized to
 * the region, laid out again when it is resized. Colours are fixed hues per top folder (a canvas
 * does not read CSS). FX thread only.
 */
public final class Treemap extends Region {
    static final int DEPTH = 2;
    private static final double MIN_SIDE = 3;

    private final Canvas canvas = new Canvas();
    private final Label empty = new Label("Build to see the final image's bytes by folder");
    private final Tooltip tip = new Tooltip();
    private FileNode root;
    private List<TreemapLayout.Tile> tiles = List.of();
    private Consumer<String> onPick = p -> { };

    public Treemap() {
        getStyleClass().add("treemap");
        getChildren().addAll(canvas, empty);
        setMinSize(120, 80);
        setPrefSize(360, 240);
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            TreemapLayout.Tile t = tileAt(e.getX(), e.getY());
            tip.setText(t == null ? "" : t.node().path() + "  " + ByteSize.format(t.node().size()));
        });
        canvas.setOnMouseClicked(e -> {
            TreemapLayout.Tile t = tileAt(e.getX(), e.getY());
            if (e.getButton() == MouseButton.PRIMARY && t != null) {
                onPick.accept(t.node().path());
            }
        });
    }

    /** Shows {@code tree} (the final image's filesystem; null: nothing yet, with {@code message}). */
    public void show(FileNode tree, String message) {
        root = tree;
        empty.setText(message == null ? "" : message);
        empty.setVisible(tree == null);
        requestLayout();
        redraw();
    }

    /** Told the path of a clicked rectangle. */
    public void setOnPick(Consumer<String> pick) {
        onPick = pick == null ? p -> { } : pick;
    }

    /** The deepest rectangle at a point of the canvas, or null. */
    public TreemapLayout.Tile tileAt(double x, double y) {
        TreemapLayout.Tile hit = null;
        for (TreemapLayout.Tile t : tiles) {
            if (t.contains(x, y) && (hit == null || t.depth() >= hit.depth())) {
                hit = t;
            }
        }
        return hit;
    }

    /** The rectangles drawn now, parents before children. */
    public List<TreemapLayout.Tile> tiles() {
        return tiles;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        empty.resizeRelocate(8, 8, Math.max(0, w - 16), empty.prefHeight(w - 16));
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        tiles = root == null || w < 1 || h < 1 ? List.of() : TreemapLayout.layout(root, 0, 0, w, h, DEPTH, MIN_SIDE);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        int top = 0;
        Color hue = Color.GRAY;
        for (TreemapLayout.Tile t : tiles) {
            if (t.depth() == 1) {
                hue = Color.hsb((top++ * 47) % 360, 0.45, 0.85);
            }
            Color fill = t.depth() == 1 ? hue : hue.deriveColor(0, 1, t.node().folder() ? 0.92 : 1.06, 1);
            g.setFill(fill);
            g.fillRect(t.x(), t.y(), t.w(), t.h());
            g.setStroke(Color.gray(0.25, 0.8));
            g.setLineWidth(t.depth() == 1 ? 1.5 : 0.5);
            g.strokeRect(t.x() + 0.5, t.y() + 0.5, Math.max(0, t.w() - 1), Math.max(0, t.h() - 1));
            if (t.w() > 40 && t.h() > 13) {
                g.setFill(Color.gray(0.1));
                String label = t.node().name() + (t.w() > 110 ? "  " + ByteSize.format(t.node().size()) : "");
                g.fillText(clip(label, t.w() - 6), t.x() + 3, t.y() + 1);
            }
        }
    }

    /** Cuts a label to about the characters that fit in {@code width} pixels of an 11 px font. */
    private static String clip(String s, double width) {
        int max = (int) (width / 6.2);
        return s.length() <= max ? s : max <= 1 ? "" : s.substring(0, max - 1) + "\u2026";
    }
}
