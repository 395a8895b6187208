package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

/**
 * An edge from a source node to the node that uses it: a curve styled by kind (FROM solid, COPY
 * dashed, mount dotted), an arrowhead at the user, and a short label. It follows ELK's route
 * while both nodes stay where the layout put them, else a plain curve from the source's right
 * side to the user's left side. Follows its nodes as they move until {@link #dispose()}.
 * FX thread only.
 */
final class EdgeView extends Group {
    private static final int LABEL_MAX = 28;
    private static final double ARROW = 9;
    /** How far apart the labels of edges leaving the same node sit. */
    private static final double LANE = 16;
    /** From the route's start (the source's handle) to the label's left edge. */
    private static final double LABEL_GAP = 9;

    /** ELK's route for an edge, valid while its nodes are at the corners it was made for. */
    record Route(List<Point2D> points, Point2D fromAt, Point2D toAt) {
    }

    private final Region from;
    private final Region to;
    private final EdgeKind kind;
    private final String text;
    private final int lane;
    private final Path line = new Path();
    private final Polygon arrow = new Polygon();
    private final Label label = new Label();
    private final InvalidationListener follow = o -> update();
    private Route route;
    private double[] points = new double[0];

    EdgeView(Region from, Region to, EdgeKind kind, String text, int lane) {
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.text = text == null ? "" : text;
        this.lane = lane;
        getStyleClass().addAll("edge", "edge-" + kind.label());
        line.getStyleClass().add("edge-line");
        arrow.getStyleClass().add("edge-arrow");
        label.getStyleClass().add("edge-label");
        label.setText(shorten(this.text));
        label.setVisible(!this.text.isEmpty() && kind != EdgeKind.BASE);
        getChildren().addAll(line, arrow);
        if (kind != EdgeKind.BASE) {
            getChildren().add(label); // a FROM edge never shows one: keep it out of the CSS pass
        }
        setMouseTransparent(true);
        from.layoutXProperty().addListener(follow);
        from.layoutYProperty().addListener(follow);
        to.layoutXProperty().addListener(follow);
        to.layoutYProperty().addListener(follow);
        update();
    }

    /** Stops following the nodes (the edge is gone from the graph). */
    void dispose() {
        from.layoutXProperty().removeListener(follow);
        from.layoutYProperty().removeListener(follow);
        to.layoutXProperty().removeListener(follow);
        to.layoutYProperty().removeListener(follow);
    }

    Route route() {
        return route;
    }

    int lane() {
        return lane;
    }

    /** Follows {@code r} while its nodes are where it was made for; null: a plain curve. */
    void setRoute(Route r) {
        route = r;
        update();
    }

    boolean routed() {
        return route != null && at(from, route.fromAt()) && at(to, route.toAt());
    }

    EdgeKind kind() {
        return kind;
    }

    Region fromNode() {
        return from;
    }

    Region toNode() {
        return to;
    }

    String text() {
        return text;
    }

    /** Extra text such as the bytes a COPY carried ("760 kB"); null removes it. */
    void setDetail(String detail) {
        String base = shorten(text);
        label.setText(detail == null ? base : (base.isEmpty() ? detail : base + " · " + detail));
        label.setVisible(!label.getText().isEmpty() && kind != EdgeKind.BASE);
    }

    /** The curve as SVG path data: a move, then one cubic per three points. */
    String svgPath() {
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", points[0], points[1]));
        for (int i = 2; i < points.length; i += 6) {
            d.append(String.format(Locale.ROOT, " C%.1f %.1f %.1f %.1f %.1f %.1f", points[i], points[i + 1],
                    points[i + 2], points[i + 3], points[i + 4], points[i + 5]));
        }
        return d.toString();
    }

    List<Double> arrowPoints() {
        return List.copyOf(arrow.getPoints());
    }

    String labelText() {
        return label.isVisible() ? label.getText() : "";
    }

    /** The label's width as laid out. */
    double labelWidth() {
        return label.getWidth();
    }

    /** The label's left edge and top. */
    double labelX() {
        return label.getLayoutX();
    }

    double labelY() {
        return label.getLayoutY();
    }

    void update() {
        if (routed()) {
            List<Point2D> r = route.points();
            points = new double[r.size() * 2];
            for (int i = 0; i < r.size(); i++) {
                points[2 * i] = r.get(i).getX();
                points[2 * i + 1] = r.get(i).getY();
            }
        } else {
            double sx = from.getLayoutX() + from.getPrefWidth();
            double sy = from.getLayoutY() + from.getPrefHeight() / 2;
            double ex = to.getLayoutX();
            double ey = to.getLayoutY() + to.getPrefHeight() / 2;
            double dx = Math.max(40, Math.abs(ex - sx) / 2);
            points = new double[] {sx, sy, sx + dx, sy, ex - dx, ey, ex, ey};
        }
        line.getElements().setAll(new MoveTo(points[0], points[1]));
        for (int i = 2; i < points.length; i += 6) {
            line.getElements().add(new CubicCurveTo(points[i], points[i + 1], points[i + 2], points[i + 3],
                    points[i + 4], points[i + 5]));
        }
        placeArrow();
        placeLabel();
    }

    /** The arrowhead points along the curve's last tangent. */
    private void placeArrow() {
        int n = points.length;
        double ex = points[n - 2];
        double ey = points[n - 1];
        double tx = ex - points[n - 4];
        double ty = ey - points[n - 3];
        double len = Math.hypot(tx, ty);
        if (len < 1e-6) {
            tx = 1;
            ty = 0;
            len = 1;
        }
        tx /= len;
        ty /= len;
        double bx = ex - ARROW * tx;
        double by = ey - ARROW * ty;
        arrow.getPoints().setAll(ex, ey, bx - ty * ARROW / 2, by + tx * ARROW / 2, bx + ty * ARROW / 2,
                by - tx * ARROW / 2);
    }

    /**
     * Starting just past the source's handle, lifted above the line where the first cubic piece is half-way, one
     * lane per labelled edge of its source: near the source, where a routed edge's labels are still apart (routes
     * converge at busy users), and never under the source node, however short the edge.
     */
    private void placeLabel() {
        int p = 0;
        double y = bezierHalf(points[p + 1], points[p + 3], points[p + 5], points[p + 7]);
        label.setLayoutX(points[p] + LABEL_GAP);
        label.setLayoutY(y - 16 + lane * LANE);
    }

    private static double bezierHalf(double a, double b, double c, double d) {
        return (a + 3 * b + 3 * c + d) / 8;
    }

    private static boolean at(Region r, Point2D p) {
        return Math.abs(r.getLayoutX() - p.getX()) < 0.5 && Math.abs(r.getLayoutY() - p.getY()) < 0.5;
    }

    static String shorten(String s) {
        return s.length() <= LABEL_MAX ? s : s.substring(0, LABEL_MAX - 1) + "…";
    }
}
