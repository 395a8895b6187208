package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.ui.graph.layout.GraphPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;

/**
 * An edge from a source node to the node that uses it, styled by kind (FROM solid, COPY dashed,
 * mount dotted), an arrowhead at the user, and a short label. While both nodes stay where the
 * layout put them it follows ELK's orthogonal route (corners rounded) with the label where ELK
 * placed it; else a plain curve from the source's right side to the user's left side with the
 * label just past the source. Labels can be hidden (zoomed out) and shown on hover. Follows its
 * nodes as they move until {@link #dispose()}. FX thread only.
 */
final class EdgeView extends Group {
    private static final double ARROW = 9;
    /** How far apart the labels of edges leaving the same node sit on plain curves. */
    private static final double LANE = 16;
    /** From a plain curve's start (the source's handle) to the label's left edge. */
    private static final double LABEL_GAP = 9;
    private static final double CORNER = 6;

    /** ELK's route for an edge, valid while its nodes are where, and as wide as, it was made for. */
    record Route(List<Point2D> points, Point2D label, Point2D fromAt, Point2D toAt, double fromWidth) {
    }

    private final Region from;
    private final Region to;
    private final EdgeKind kind;
    private final String text;
    private final int lane;
    private final Path line = new Path();
    private final Polygon arrow = new Polygon();
    /** Made when first shown: a big graph's edges are drawn zoomed out, without labels. */
    private Label label;
    private String detail;
    private final InvalidationListener follow = o -> update();
    private Route route;
    private double[] points = new double[0];
    private boolean curve;
    /** Off until the canvas says (a graph opened zoomed out never makes its labels). */
    private boolean labelsShown;
    private boolean hovered;
    private GraphPlan.Edge plan;

    EdgeView(Region from, Region to, EdgeKind kind, String text, int lane) {
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.text = text == null ? "" : text;
        this.lane = lane;
        getStyleClass().addAll("edge", "edge-" + kind.label());
        line.getStyleClass().add("edge-line");
        line.setFill(null);
        arrow.getStyleClass().add("edge-arrow");
        getChildren().addAll(line, arrow);
        if (kind == EdgeKind.COPY) {
            // a COPY --from edge can be clicked (the window shows the files it carried): a wide,
            // invisible stroke along the line takes the clicks, the thin dashed line stays as drawn
            Path hit = new Path();
            hit.getStyleClass().add("edge-hit");
            hit.setFill(null);
            hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
            hit.setStrokeWidth(10);
            hit.setCursor(javafx.scene.Cursor.HAND);
            javafx.beans.binding.Bindings.bindContent(hit.getElements(), line.getElements());
            line.setMouseTransparent(true);
            arrow.setMouseTransparent(true);
            getChildren().add(0, hit);
        } else {
            setMouseTransparent(true);
        }
        from.layoutXProperty().addListener(follow);
        from.layoutYProperty().addListener(follow);
        from.widthProperty().addListener(follow);
        to.layoutXProperty().addListener(follow);
        to.layoutYProperty().addListener(follow);
        update();
    }

    /** Stops following the nodes (the edge is gone from the graph). */
    void dispose() {
        from.layoutXProperty().removeListener(follow);
        from.layoutYProperty().removeListener(follow);
        from.widthProperty().removeListener(follow);
        to.layoutXProperty().removeListener(follow);
        to.layoutYProperty().removeListener(follow);
    }

    /** What the plan drew this edge for (which graph edges it stands for). */
    GraphPlan.Edge plan() {
        return plan;
    }

    void setPlan(GraphPlan.Edge plan) {
        this.plan = plan;
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
        return route != null && at(from, route.fromAt()) && at(to, route.toAt())
                && Math.abs(width(from) - route.fromWidth()) < 0.5;
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

    /** Extra text such as the bytes a COPY carried ("760 kB"), on a second line; null removes it. */
    void setDetail(String detail) {
        this.detail = detail;
        showLabel();
    }

    /** Whether labels show (zoomed in) or only on hover (zoomed out). */
    void setLabelsShown(boolean shown) {
        if (shown != labelsShown) {
            labelsShown = shown;
            showLabel();
        }
    }

    /** Shows the label while the pointer is on one of the edge's nodes. */
    void setHovered(boolean on) {
        if (on != hovered) {
            hovered = on;
            showLabel();
            if (on) {
                toFront();
            }
        }
    }

    private String fullText() {
        return detail == null ? text : text.isEmpty() ? detail : text + "\n" + detail; // the layout keeps a second line for it
    }

    private void showLabel() {
        String t = kind == EdgeKind.BASE ? "" : fullText();
        boolean show = !t.isEmpty() && (labelsShown || hovered);
        if (show && label == null) {
            label = new Label();
            label.getStyleClass().add("edge-label");
            if (kind == EdgeKind.COPY) {
                label.setCursor(javafx.scene.Cursor.HAND);
            }
            getChildren().add(label);
        }
        if (label != null) {
            label.setText(t);
            label.setVisible(show);
            if (show) {
                placeLabel();
            }
        }
    }

    /** The path as SVG path data. */
    String svgPath() {
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", points[0], points[1]));
        if (curve) {
            for (int i = 2; i < points.length; i += 6) {
                d.append(String.format(Locale.ROOT, " C%.1f %.1f %.1f %.1f %.1f %.1f", points[i], points[i + 1],
                        points[i + 2], points[i + 3], points[i + 4], points[i + 5]));
            }
        } else {
            for (int i = 2; i < points.length; i += 2) {
                d.append(String.format(Locale.ROOT, " L%.1f %.1f", points[i], points[i + 1]));
            }
        }
        return d.toString();
    }

    /** The polyline (a route's points, or a plain curve's ends and controls) for geometric checks. */
    List<Point2D> polyline() {
        List<Point2D> out = new ArrayList<>();
        for (int i = 0; i < points.length; i += 2) {
            out.add(new Point2D(points[i], points[i + 1]));
        }
        return out;
    }

    List<Double> arrowPoints() {
        return List.copyOf(arrow.getPoints());
    }

    /** The label's text as shown, "" while hidden. */
    String labelText() {
        return label != null && label.isVisible() ? label.getText() : "";
    }

    /** The label's text whether shown or not. */
    String labelContent() {
        return kind == EdgeKind.BASE ? "" : fullText();
    }

    /** The label's width as laid out. */
    double labelWidth() {
        return label == null ? 0 : label.getWidth();
    }

    double labelHeight() {
        return label == null ? 0 : label.getHeight();
    }

    /** The label's left edge and top. */
    double labelX() {
        return label == null ? 0 : label.getLayoutX();
    }

    double labelY() {
        return label == null ? 0 : label.getLayoutY();
    }

    void update() {
        if (routed()) {
            List<Point2D> r = route.points();
            points = new double[r.size() * 2];
            for (int i = 0; i < r.size(); i++) {
                points[2 * i] = r.get(i).getX();
                points[2 * i + 1] = r.get(i).getY();
            }
            curve = false;
            line.getElements().setAll(rounded(r));
        } else {
            double sx = from.getLayoutX() + width(from);
            double sy = from.getLayoutY() + from.getPrefHeight() / 2;
            double ex = to.getLayoutX();
            double ey = to.getLayoutY() + to.getPrefHeight() / 2;
            double dx = Math.max(40, Math.abs(ex - sx) / 2);
            points = new double[] {sx, sy, sx + dx, sy, ex - dx, ey, ex, ey};
            curve = true;
            line.getElements().setAll(new MoveTo(sx, sy), new CubicCurveTo(sx + dx, sy, ex - dx, ey, ex, ey));
        }
        placeArrow();
        if (label != null && label.isVisible()) {
            placeLabel();
        }
    }

    /** A polyline with its corners rounded (never by more than half of either segment). */
    private static List<PathElement> rounded(List<Point2D> p) {
        List<PathElement> out = new ArrayList<>();
        out.add(new MoveTo(p.get(0).getX(), p.get(0).getY()));
        for (int i = 1; i < p.size() - 1; i++) {
            Point2D a = p.get(i - 1);
            Point2D b = p.get(i);
            Point2D c = p.get(i + 1);
            double r = Math.min(CORNER, Math.min(a.distance(b), b.distance(c)) / 2);
            Point2D in = b.subtract(b.subtract(a).normalize().multiply(r));
            Point2D outP = b.add(c.subtract(b).normalize().multiply(r));
            out.add(new LineTo(in.getX(), in.getY()));
            out.add(new QuadCurveTo(b.getX(), b.getY(), outP.getX(), outP.getY()));
        }
        Point2D end = p.get(p.size() - 1);
        out.add(new LineTo(end.getX(), end.getY()));
        return out;
    }

    /** The arrowhead points along the last segment (or the curve's last tangent). */
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
     * Where ELK put it on a routed edge; on a plain curve just past the source's handle, lifted above
     * the line, one lane per labelled edge of its source.
     */
    private void placeLabel() {
        Point2D at = labelPlace();
        label.setLayoutX(at.getX());
        label.setLayoutY(at.getY());
    }

    /** The label's top-left corner, shown or not. */
    Point2D labelPlace() {
        if (routed() && route.label() != null) {
            return route.label();
        }
        double y = curve ? (points[1] + 3 * points[3] + 3 * points[5] + points[7]) / 8 : points[1];
        return new Point2D(points[0] + LABEL_GAP, y - 16 + lane * LANE);
    }

    private static double width(Region r) {
        return r.getWidth() > 0 ? r.getWidth() : r.getPrefWidth();
    }

    private static boolean at(Region r, Point2D p) {
        return Math.abs(r.getLayoutX() - p.getX()) < 0.5 && Math.abs(r.getLayoutY() - p.getY()) < 0.5;
    }
}
