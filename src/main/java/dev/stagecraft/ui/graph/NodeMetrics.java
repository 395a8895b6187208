package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.Stage;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;

/**
 * How wide a stage's node must be for its text in both forms, measured with the fonts the theme
 * gives a node (read once from a probe node), so the layout gets the final width before any node
 * is drawn and a node does not grow later (which would leave ELK's routes behind): the name row
 * keeps room for a findings badge of three digits in both forms, as lint results come after the
 * layout. It measures edge labels too, in the font the theme gives {@code .edge-label}. FX thread
 * only.
 */
final class NodeMetrics {
    private final Font name;
    private final Font small;
    private final Font compact;
    private final double tag;
    /** What a findings badge of three digits adds to the name row, full and compact. */
    private final double findingsFull;
    private final double findingsCompact;
    /** An edge label's font, its horizontal padding and the height of one line of it. */
    private final Font edge;
    private final double edgePadding;
    private final double edgeLine;

    private NodeMetrics(Font name, Font small, Font compact, double tag, double findingsFull, double findingsCompact,
            Label edgeLabel) {
        this.name = name;
        this.small = small;
        this.compact = compact;
        this.tag = tag;
        this.findingsFull = findingsFull;
        this.findingsCompact = findingsCompact;
        this.edge = edgeLabel.getFont();
        this.edgePadding = edgeLabel.getInsets().getLeft() + edgeLabel.getInsets().getRight();
        this.edgeLine = edgeLabel.prefHeight(-1);
    }

    /** The fonts of a full and a compact node as styled in {@code canvas} (its scene's theme and the graph's CSS). */
    static NodeMetrics of(Pane canvas) {
        StageNodeView full = new StageNodeView("probe", false);
        full.setCompact(false);
        full.setTargetTag(true);
        StageNodeView small = new StageNodeView("probe", true);
        Label edge = new Label("x");
        edge.getStyleClass().add("edge-label");
        full.setVisible(false);
        small.setVisible(false);
        edge.setVisible(false);
        canvas.getChildren().addAll(full, small, edge);
        try {
            if (canvas.getScene() != null) {
                full.applyCss();
                small.applyCss();
                edge.applyCss();
            }
            Label tag = full.tagLabel();
            double fullRow = full.nameRowWidth();
            double smallRow = small.nameRowWidth();
            full.setFindings(888, "warning", null);
            small.setFindings(888, "warning", null);
            if (canvas.getScene() != null) {
                full.applyCss();
                small.applyCss();
            }
            return new NodeMetrics(full.nameNode().getFont(), full.baseNode().getFont(), small.nameNode().getFont(),
                    tag.prefWidth(-1) + 6, Math.max(StageNodeView.FINDINGS_ROOM, full.nameRowWidth() - fullRow),
                    small.nameRowWidth() - smallRow, edge);
        } finally {
            canvas.getChildren().removeAll(full, small, edge);
        }
    }

    /**
     * The room an edge label with {@code s} (one line or more) takes as the theme draws
     * {@code .edge-label}: {width, height}, a pixel to spare each way.
     */
    double[] edgeLabel(String s) {
        javafx.geometry.Bounds b = TextFit.bounds(s, edge);
        return new double[] {Math.ceil(b.getWidth() + edgePadding + 2), Math.ceil(Math.max(edgeLine, b.getHeight()) + 1)};
    }

    /** The width of stage {@code s}'s node: at least {@link StageNodeView#WIDTH}, its name always whole. */
    double width(Stage s, boolean target, String details) {
        double nameRow = measure(s.displayName(), name) + (target ? tag : 0) + findingsFull;
        double base = Math.min(measure(s.baseResolved().isEmpty() ? s.base() : s.baseResolved(), small),
                StageNodeView.MAX_WIDTH - StageNodeView.INSETS);
        double detailsRow = measure(details, small) + 6 + StageNodeView.BADGE_ROOM;
        // zoomed out, the findings badge sits beside the large name: room for it, as in full form
        double compactName = Math.min(measure(s.displayName(), compact), StageNodeView.MAX_WIDTH - StageNodeView.INSETS)
                + findingsCompact;
        return Math.ceil(Math.max(StageNodeView.WIDTH, Math.max(Math.max(nameRow, base), Math.max(detailsRow, compactName))
                + StageNodeView.INSETS));
    }

    private static double measure(String s, Font font) {
        return TextFit.bounds(s, font).getWidth();
    }
}
