package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.EdgeKind;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * An edge from a source node's right side to a user's left side: a curve styled by kind (FROM
 * solid, COPY dashed, mount dotted), an arrowhead, and a short label. Follows its nodes as they
 * move. FX thread only.
 */
final class EdgeView extends Group {
    private static final int LABEL_MAX = 28;
    private final Region from;
    private final Region to;
    private final EdgeKind kind;
    private final CubicCurve curve = new CubicCurve();
    private final Polygon arrow = new Polygon();
    private final Label label = new Label();
    private final String text;

    EdgeView(Region from, Region to, EdgeKind kind, String text) {
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.text = text == null ? "" : text;
        getStyleClass().addAll("edge", "edge-" + kind.label());
        curve.getStyleClass().add("edge-line");
        curve.setFill(null);
        arrow.getStyleClass().add("edge-arrow");
        label.getStyleClass().add("edge-label");
        label.setText(shorten(this.text));
        label.setVisible(!this.text.isEmpty() && kind != EdgeKind.BASE);
        getChildren().addAll(curve, arrow, label);
        setMouseTransparent(true);
        from.layoutXProperty().addListener(o -> update());
        from.layoutYProperty().addListener(o -> update());
        to.layoutXProperty().addListener(o -> update());
        to.layoutYProperty().addListener(o -> update());
        update();
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

    double[] geometry() {
        return new double[] {curve.getStartX(), curve.getStartY(), curve.getControlX1(), curve.getControlY1(),
            curve.getControlX2(), curve.getControlY2(), curve.getEndX(), curve.getEndY()};
    }

    String labelText() {
        return label.isVisible() ? label.getText() : "";
    }

    double labelX() {
        return label.getLayoutX();
    }

    double labelY() {
        return label.getLayoutY();
    }

    void update() {
        double sx = from.getLayoutX() + from.getPrefWidth();
        double sy = from.getLayoutY() + from.getPrefHeight() / 2;
        double ex = to.getLayoutX();
        double ey = to.getLayoutY() + to.getPrefHeight() / 2;
        double dx = Math.max(40, Math.abs(ex - sx) / 2);
        curve.setStartX(sx);
        curve.setStartY(sy);
        curve.setControlX1(sx + dx);
        curve.setControlY1(sy);
        curve.setControlX2(ex - dx);
        curve.setControlY2(ey);
        curve.setEndX(ex);
        curve.setEndY(ey);
        arrow.getPoints().setAll(ex, ey, ex - 9, ey - 4.5, ex - 9, ey + 4.5);
        label.setLayoutX((sx + ex) / 2 - 30);
        label.setLayoutY((sy + ey) / 2 - 16);
    }

    static String shorten(String s) {
        return s.length() <= LABEL_MAX ? s : s.substring(0, LABEL_MAX - 1) + "…";
    }
}
