package dev.stagecraft.ui.graph;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Mouse gestures on the graph: drag a node to move it, drag from its handle (or with Shift or Alt) onto
 * another to connect them, drag the background to pan, scroll to pan, Ctrl+scroll to zoom,
 * double-click for the stage menu, right-click for the context menus. FX thread only.
 */
final class GraphInteraction {
    static final double MIN_SCALE = 0.1;
    private static final double MAX_SCALE = 3;

    private final GraphView view;
    private final GraphCanvas canvas;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Line rubberBand = new Line();
    private final GraphMenus menus;
    private Point2D dragOffset;
    private Point2D panStart;
    private StageNodeView connecting;
    private boolean moved;
    private ContextMenu open;
    private ContextMenu background;
    private StageNodeView dropTarget;
    /** Whether the user panned or zoomed since the last fit: then a resized pane keeps their view. */
    private boolean touched;

    GraphInteraction(GraphView view, GraphCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        this.menus = new GraphMenus(view);
        canvas.getTransforms().setAll(pan, zoom);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        canvas.getChildren().add(rubberBand);
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> view.requestFocus()); // the keys then go to the graph
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !e.isConsumed()) {
                panStart = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
            }
        });
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panStart != null) {
                touched = true;
                pan.setX(e.getX() - panStart.getX());
                pan.setY(e.getY() - panStart.getY());
            }
        });
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> panStart = null);
        view.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isConsumed()) {
                view.select(null);
            }
        });
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !e.isConsumed()) {
                if (background == null) {
                    background = menus.background(); // made on first use: it is not needed to show the window
                }
                background.show(view, e.getScreenX(), e.getScreenY());
            }
        });
    }

    void attach(StageNodeView node) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> canvas.hover(node, true));
        node.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.hover(node, false));
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            e.consume();
            moved = false;
            view.select(node.stage().index());
            node.toFront();
            Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (e.isShiftDown() || e.isAltDown() || e.getTarget() == node.handle()) {
                connecting = node;
                rubberBand.setStartX(node.getLayoutX() + node.getPrefWidth());
                rubberBand.setStartY(node.getLayoutY() + StageNodeView.HEIGHT / 2);
                rubberBand.setEndX(p.getX());
                rubberBand.setEndY(p.getY());
                rubberBand.setVisible(true);
                rubberBand.toFront();
            } else {
                dragOffset = new Point2D(p.getX() - node.getLayoutX(), p.getY() - node.getLayoutY());
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            e.consume();
            Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (connecting != null) {
                rubberBand.setEndX(p.getX());
                rubberBand.setEndY(p.getY());
                StageNodeView over = canvas.nodeAt(p.getX(), p.getY());
                hover(over == connecting ? null : over);
            } else if (dragOffset != null) {
                node.relocate(p.getX() - dragOffset.getX(), p.getY() - dragOffset.getY());
                moved = true;
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            e.consume();
            if (connecting != null) {
                Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
                StageNodeView target = canvas.nodeAt(p.getX(), p.getY());
                StageNodeView source = connecting;
                connecting = null;
                hover(null);
                rubberBand.setVisible(false);
                if (target != null && target != source) {
                    view.fire(new GraphGesture.Connect(source.stage().index(), target.stage().index()));
                }
            } else if (moved) {
                canvas.userPlaced(node);
                view.nodesMoved();
            }
            dragOffset = null;
        });
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            e.consume();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                view.fire(new GraphGesture.Open(node.stage().index()));
            }
        });
        // the secondary button opens the menu directly: headless toolkits send no context-menu event
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                e.consume();
                showMenu(node, e.getScreenX(), e.getScreenY());
            }
        });
        node.setOnContextMenuRequested(e -> {
            e.consume();
            if (e.isKeyboardTrigger() || open == null || !open.isShowing()) {
                showMenu(node, e.getScreenX(), e.getScreenY()); // else the mouse press opened it
            }
        });
    }

    /** An external image's node only moves (it is not a stage: no menu, no connection, not saved). */
    void attachImage(ExternalImageView image) {
        image.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> canvas.hover(image, true));
        image.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.hover(image, false));
        image.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                e.consume();
                Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
                dragOffset = new Point2D(p.getX() - image.getLayoutX(), p.getY() - image.getLayoutY());
                image.toFront();
            }
        });
        image.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            e.consume();
            if (dragOffset != null) {
                Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
                image.relocate(p.getX() - dragOffset.getX(), p.getY() - dragOffset.getY());
            }
        });
        image.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            e.consume();
            dragOffset = null;
        });
    }

    /** Marks the node a connection would end at ({@code .connect-target}). */
    private void hover(StageNodeView over) {
        if (over != dropTarget) {
            if (dropTarget != null) {
                dropTarget.getStyleClass().remove("connect-target");
            }
            if (over != null) {
                over.getStyleClass().add("connect-target");
            }
            dropTarget = over;
        }
    }

    /** Opens the stage menu of {@code node} below it (the keyboard's context-menu key). */
    void showMenu(StageNodeView node) {
        Point2D at = node.localToScreen(12, node.getHeight() - 4);
        if (at != null) {
            showMenu(node, at.getX(), at.getY());
        }
    }

    private void showMenu(StageNodeView node, double x, double y) {
        if (open != null) {
            open.hide();
        }
        view.select(node.stage().index());
        open = menus.stage(node.stage().index(), canvas.stageNodes().size(), view.target());
        open.show(node, x, y);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            touched = true;
            pan.setX(pan.getX() + e.getDeltaX());
            pan.setY(pan.getY() + e.getDeltaY());
        }
        e.consume();
    }

    /** Zooms by {@code factor} keeping the view point {@code (x, y)} still. */
    void zoomBy(double factor, double x, double y) {
        touched = true;
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, zoom.getX() * factor));
        double cx = (x - pan.getX()) / zoom.getX();
        double cy = (y - pan.getY()) / zoom.getY();
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(x - cx * s);
        pan.setY(y - cy * s);
    }

    double scale() {
        return zoom.getX();
    }

    /** The pan offset: where the canvas origin is in the pane. */
    Point2D panOffset() {
        return new Point2D(pan.getX(), pan.getY());
    }

    /** Puts the view back where a user left it (zoom and pan); it then counts as the user's own. */
    void restore(double scale, double panX, double panY) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(panX);
        pan.setY(panY);
        touched = true;
    }

    /** Whether the user panned or zoomed since the last fit. */
    boolean touched() {
        return touched;
    }

    /** The zoom, to listen to. */
    javafx.beans.property.DoubleProperty scaleProperty() {
        return zoom.xProperty();
    }

    /** The pan's x and y, to listen to. */
    Translate panTransform() {
        return pan;
    }

    /** Moves the view so graph point {@code p} is at view point ({@code x}, {@code y}); it then counts as the user's. */
    void centre(Point2D p, double x, double y) {
        touched = true;
        pan.setX(x - p.getX() * zoom.getX());
        pan.setY(y - p.getY() * zoom.getY());
    }

    /** The scale {@link #fit} gives {@code content} in a {@code width} × {@code height} area (it changes nothing). */
    static double fitScale(javafx.geometry.Bounds content, double width, double height, double minScale) {
        double s = Math.max(wholeScale(content, width, height), minScale);
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    /** The scale at which all of {@code content} is in view with a margin, never above 1:1. */
    private static double wholeScale(javafx.geometry.Bounds content, double width, double height) {
        return Math.min(1, Math.min((width - 2 * MARGIN) / Math.max(1, content.getWidth()),
                (height - 2 * MARGIN) / Math.max(1, content.getHeight())));
    }

    /**
     * Scales and pans so {@code content} (graph coordinates) is in the middle of a {@code width} ×
     * {@code height} area, never above 1:1. When that would be below {@code minScale} it is
     * {@code minScale} instead, with {@code centre} (the target; the content's middle if null) in
     * the middle, moved back on each axis where that would show empty canvas beyond the content's
     * edge: the view then ends at the edge (the margin, or {@code topReserve} above the content for
     * what covers the area's top), so it shows as much of the graph around {@code centre} as fits,
     * and {@code centre} stays in view. On an axis where the content is no longer than the area,
     * the content is in the middle. Returns the scale.
     */
    double fit(javafx.geometry.Bounds content, double width, double height, double minScale, Point2D centre,
            double topReserve) {
        if (content == null || width <= 0 || height <= 0) {
            return zoom.getX();
        }
        touched = false;
        double s = fitScale(content, width, height, minScale);
        zoom.setX(s);
        zoom.setY(s);
        if (centre != null && wholeScale(content, width, height) < minScale) {
            pan.setX(axis(content.getMinX(), content.getMaxX(), centre.getX(), s, width, MARGIN, MARGIN));
            pan.setY(axis(content.getMinY(), content.getMaxY(), centre.getY(), s, height, Math.max(MARGIN, topReserve), MARGIN));
        } else {
            pan.setX(width / 2 - (content.getMinX() + content.getWidth() / 2) * s);
            pan.setY(height / 2 - (content.getMinY() + content.getHeight() / 2) * s);
        }
        return s;
    }

    /** Room left around a fitted graph, and beyond its edge when the view ends there (screen px). */
    static final double MARGIN = 24;

    /**
     * The pan on one axis at scale {@code s} for a view {@code size} long: {@code centre} in its
     * middle, held so that beyond the content's ends {@code lo}..{@code hi} no more than
     * {@code before} and {@code after} show; a content no longer than the view is in its middle.
     */
    static double axis(double lo, double hi, double centre, double s, double size, double before, double after) {
        if ((hi - lo) * s <= size) {
            return size / 2 - (lo + hi) / 2 * s;
        }
        double pan = size / 2 - centre * s;
        double highest = before - lo * s; // the content's start at `before`
        double lowest = size - after - hi * s; // the content's end at `size - after`
        return Math.max(lowest, Math.min(highest, pan));
    }
}
