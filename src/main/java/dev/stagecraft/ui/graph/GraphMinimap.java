package dev.stagecraft.ui.graph;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The overview in the pane's corner while not all of the graph is in view: every shown node as a
 * small box (drawn on one canvas, cheap at thousands of nodes) and a frame where the view is.
 * Pressing or dragging in it centres the view there. Its toggle below folds it to the toggle
 * alone, so that nothing of the graph need stay under it. FX thread only.
 */
final class GraphMinimap extends Region {
    static final double MAX_WIDTH = 200;
    static final double MAX_HEIGHT = 130;
    /** About the toggle's height, for the room the overview takes at most. */
    static final double TOGGLE_HEIGHT = 22;
    private static final double PAD = 4;

    private final Canvas canvas = new Canvas();
    private final Rectangle frame = new Rectangle();
    private final Button toggle = new Button();
    private final Consumer<Point2D> centreOn;
    private Bounds content;
    private double scale = 1;
    private boolean collapsed;
    /** The press that started a drag was on the map (not on the toggle). */
    private boolean onMap;

    /** {@code centreOn} receives the graph point the user pressed or dragged to. */
    GraphMinimap(Consumer<Point2D> centreOn) {
        this.centreOn = centreOn;
        getStyleClass().add("graph-minimap");
        frame.getStyleClass().add("minimap-frame");
        frame.setMouseTransparent(true);
        toggle.getStyleClass().add("minimap-toggle");
        toggle.setFocusTraversable(false);
        getChildren().addAll(canvas, frame, toggle);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            onMap = !collapsed && e.getY() <= canvas.getHeight();
            moved(e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moved);
        addEventHandler(MouseEvent.ANY, MouseEvent::consume); // neither pans the graph nor clears the selection
        setCollapsed(false);
    }

    private void moved(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && content != null && onMap) {
            centreOn.accept(toGraph(e.getX(), e.getY()));
        }
    }

    /** Folds the overview to its toggle, or opens it. */
    void setCollapsed(boolean on) {
        collapsed = on;
        toggle.setText(on ? "\u25B8 Overview" : "\u25BE Overview");
        canvas.setVisible(!on);
        frame.setVisible(!on);
        requestLayout();
    }

    boolean collapsed() {
        return collapsed;
    }

    /** The fold toggle (its action is the pane's). */
    Button toggle() {
        return toggle;
    }

    @Override
    protected double computePrefWidth(double height) {
        double t = toggle.prefWidth(-1);
        return collapsed ? t : Math.max(canvas.getWidth(), t);
    }

    @Override
    protected double computePrefHeight(double width) {
        double t = toggle.prefHeight(-1);
        return collapsed ? t : canvas.getHeight() + t;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        toggle.autosize();
        // below the map, at the pane's right edge; alone when folded
        toggle.relocate(getWidth() - toggle.getWidth(), collapsed ? 0 : canvas.getHeight());
    }

    /** The graph point at minimap point ({@code x}, {@code y}). */
    Point2D toGraph(double x, double y) {
        return new Point2D(content.getMinX() + (x - PAD) / scale, content.getMinY() + (y - PAD) / scale);
    }

    /** The minimap point of graph point {@code p}. */
    Point2D toMap(Point2D p) {
        return new Point2D(PAD + (p.getX() - content.getMinX()) * scale, PAD + (p.getY() - content.getMinY()) * scale);
    }

    /** Draws {@code nodes} (graph coordinates) within {@code content}; the frame follows {@link #showView}. */
    void draw(Bounds content, List<Region> nodes, List<Region> emphasised) {
        this.content = content;
        if (content == null) {
            return;
        }
        scale = Math.min((MAX_WIDTH - 2 * PAD) / Math.max(1, content.getWidth()),
                (MAX_HEIGHT - 2 * PAD) / Math.max(1, content.getHeight()));
        double w = Math.ceil(content.getWidth() * scale + 2 * PAD);
        double h = Math.ceil(content.getHeight() * scale + 2 * PAD);
        canvas.setWidth(w);
        canvas.setHeight(h);
        requestLayout();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        for (Region r : nodes) {
            gc.setFill(emphasised.contains(r) ? Color.web("#0969da") : Color.web("#8c959f"));
            Point2D at = toMap(new Point2D(r.getLayoutX(), r.getLayoutY()));
            gc.fillRect(at.getX(), at.getY(), Math.max(1.5, r.getPrefWidth() * scale), Math.max(1.5, r.getPrefHeight() * scale));
        }
    }

    /** Puts the frame where {@code view} (graph coordinates) is. */
    void showView(Bounds view) {
        if (content == null || view == null) {
            return;
        }
        Point2D a = toMap(new Point2D(view.getMinX(), view.getMinY()));
        Point2D b = toMap(new Point2D(view.getMaxX(), view.getMaxY()));
        double x = Math.max(0, a.getX());
        double y = Math.max(0, a.getY());
        frame.setX(x);
        frame.setY(y);
        frame.setWidth(Math.max(2, Math.min(canvas.getWidth(), b.getX()) - x));
        frame.setHeight(Math.max(2, Math.min(canvas.getHeight(), b.getY()) - y));
    }

    Rectangle frame() {
        return frame;
    }
}
