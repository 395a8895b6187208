package dev.stagecraft.ui.graph;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The overview in the pane's corner while not all of the graph is in view: every shown node as a
 * small box (drawn on one canvas, cheap at thousands of nodes) and a frame where the view is.
 * Pressing or dragging in it centres the view there. FX thread only.
 */
final class GraphMinimap extends Region {
    static final double MAX_WIDTH = 200;
    static final double MAX_HEIGHT = 130;
    private static final double PAD = 4;

    private final Canvas canvas = new Canvas();
    private final Rectangle frame = new Rectangle();
    private final Consumer<Point2D> centreOn;
    private Bounds content;
    private double scale = 1;

    /** {@code centreOn} receives the graph point the user pressed or dragged to. */
    GraphMinimap(Consumer<Point2D> centreOn) {
        this.centreOn = centreOn;
        getStyleClass().add("graph-minimap");
        frame.getStyleClass().add("minimap-frame");
        frame.setMouseTransparent(true);
        getChildren().addAll(canvas, frame);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::moved);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moved);
        addEventHandler(MouseEvent.ANY, MouseEvent::consume); // neither pans the graph nor clears the selection
    }

    private void moved(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && content != null) {
            centreOn.accept(toGraph(e.getX(), e.getY()));
        }
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
        setPrefSize(w, h);
        setMinSize(w, h);
        setMaxSize(w, h);
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
