package dev.stagecraft.ui.window;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window's centre and View ▸ Maximize Graph: normally the split panes (graph, text, bottom
 * tabs); maximized, the shown graph pane alone over all of it. The split panes stay in the scene
 * beneath, untouched, so their dividers (and what {@link WindowMemory} remembers of them) are as
 * the user left them when the graph comes back. Going to the text or the bottom tabs (Enter on a
 * stage, a failed build's line, Tab, a click on the text through a shortcut) brings the split panes
 * back. FX thread only.
 */
final class GraphSpace {
    private final StackPane centre;
    private final StackPane graphHost;
    private final Region splits;
    private final StackPane whole = new StackPane();
    private final ReadOnlyBooleanWrapper maximized = new ReadOnlyBooleanWrapper(this, "maximized");
    private GraphPort graph;

    /** {@code splits} holds {@code graphHost}, where the graph pane sits while not maximized. */
    GraphSpace(Region splits, StackPane graphHost) {
        this.splits = splits;
        this.graphHost = graphHost;
        whole.setId("graph-maximized");
        whole.getStyleClass().add("graph-maximized");
        whole.setVisible(false);
        centre = new StackPane(splits, whole);
    }

    /** What the window puts in its centre. */
    Node node() {
        return centre;
    }

    /** Shows {@code pane}, the current document's graph, wherever the graph goes now. */
    void show(GraphPort pane) {
        graph = pane;
        (maximized.get() ? whole : graphHost).getChildren().setAll(pane.node());
    }

    ReadOnlyBooleanProperty maximizedProperty() {
        return maximized.getReadOnlyProperty();
    }

    boolean isMaximized() {
        return maximized.get();
    }

    /** View ▸ Maximize Graph: the graph alone in the centre, or back between the text and the tabs. */
    void setMaximized(boolean on) {
        if (on == maximized.get()) {
            return;
        }
        maximized.set(on);
        // the split panes stay visible beneath (covered), so that asking for the text's focus still
        // works and brings them back: an invisible node cannot take the focus
        whole.setVisible(on);
        if (graph != null) {
            Node pane = graph.node();
            double[] view = graph.viewport();
            Bounds was = pane.getLayoutBounds();
            (on ? whole : graphHost).getChildren().setAll(pane);
            centre.applyCss();
            centre.layout();
            if (view != null) {
                // a view the user chose keeps what was in its middle in the middle (an untouched one
                // fits itself to the new size)
                Bounds now = pane.getLayoutBounds();
                graph.setViewport(view[0], view[1] + (now.getWidth() - was.getWidth()) / 2,
                        view[2] + (now.getHeight() - was.getHeight()) / 2);
            }
            pane.requestFocus();
        }
    }

    void toggle() {
        setMaximized(!maximized.get());
    }

    /**
     * Watches where the keyboard goes: while maximized, focus arriving in the hidden split panes
     * (the text, the find bar, a tab) brings them back, so no gesture leads somewhere unseen.
     */
    void follow(Scene scene) {
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (maximized.get() && now != null && inside(now, splits)) {
                setMaximized(false);
                now.requestFocus();
            }
        });
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
