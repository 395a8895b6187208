package dev.stagecraft.ui.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Culling for a large graph: only the nodes and edges in or near the view live in the canvas
 * (CSS, layout and picking never see the other thousands); the rest are detached until the view
 * comes near them. A small graph is all live. Cheap while the view stays within the live area,
 * which is twice the view in each direction. FX thread only.
 */
final class LiveArea {
    private final Pane canvas;
    private final Group edgeLayer;
    /** The area (graph coordinates) whose nodes and edges are live; null when all are. */
    private Bounds area;

    LiveArea(Pane canvas, Group edgeLayer) {
        this.canvas = canvas;
        this.edgeLayer = edgeLayer;
    }

    /**
     * Keeps live what is in or near {@code view} (graph coordinates) when the graph is
     * {@code large}, else everything: {@code nodes} and {@code edges} are the whole graph's.
     */
    void cull(boolean large, Bounds view, List<Region> nodes, List<EdgeView> edges) {
        if (!large) {
            if (area != null) {
                area = null;
                attachWithin(null, nodes, edges);
            }
            return;
        }
        if (view == null || area != null && area.contains(view)) {
            return;
        }
        area = new BoundingBox(view.getMinX() - view.getWidth() / 2, view.getMinY() - view.getHeight() / 2,
                view.getWidth() * 2, view.getHeight() * 2);
        attachWithin(area, nodes, edges);
    }

    /** Makes the whole graph live (for an export), until the next {@link #cull}. */
    void attachAll(List<Region> nodes, List<EdgeView> edges) {
        if (area != null) {
            area = null;
            attachWithin(null, nodes, edges);
        }
    }

    /** Forgets the live area: the next {@link #cull} recomputes it (nodes moved). */
    void forget() {
        if (area != null) {
            area = new BoundingBox(0, 0, 0, 0);
        }
    }

    /** Makes every node and edge whose box meets {@code within} (null: all) live, and detaches the others. */
    private void attachWithin(Bounds within, List<Region> nodes, List<EdgeView> edges) {
        List<Node> add = new ArrayList<>();
        List<Node> remove = new ArrayList<>();
        for (Region r : nodes) {
            boolean in = within == null || within.intersects(r.getLayoutX(), r.getLayoutY(), r.getPrefWidth(), r.getPrefHeight());
            if (in && r.getParent() != canvas) {
                add.add(r);
            } else if (!in && r.getParent() == canvas) {
                remove.add(r);
            }
        }
        canvas.getChildren().removeAll(remove);
        canvas.getChildren().addAll(add);
        List<EdgeView> live = new ArrayList<>();
        for (EdgeView e : edges) {
            Region a = e.fromNode();
            Region b = e.toNode();
            double minX = Math.min(a.getLayoutX(), b.getLayoutX());
            double minY = Math.min(a.getLayoutY(), b.getLayoutY());
            double maxX = Math.max(a.getLayoutX() + a.getPrefWidth(), b.getLayoutX() + b.getPrefWidth());
            double maxY = Math.max(a.getLayoutY() + a.getPrefHeight(), b.getLayoutY() + b.getPrefHeight());
            if (within == null || within.intersects(minX, minY, maxX - minX, maxY - minY)) {
                live.add(e);
            }
        }
        edgeLayer.getChildren().setAll(live);
    }
}
