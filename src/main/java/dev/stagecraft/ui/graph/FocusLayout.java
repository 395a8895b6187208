package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.layout.Region;

/**
 * The canvas's focus: which stages show (all, or some) and whether external images show as nodes
 * or collapsed into their users. Any view other than all-with-images hides the rest and has the
 * shown part laid out on its own; the whole graph's places and routes are kept aside and come back
 * when the focus is left (before a re-parse, another focus, or saved positions). FX thread only.
 */
final class FocusLayout {
    /** Lays out a part of the graph: the shown nodes and the edges between them. */
    interface PartLayout {
        void layOut(List<Region> nodes, List<EdgeView> edges);
    }

    private BitSet shown;
    private boolean images = true;
    /** The whole graph's places and routes while the part is laid out; null without a focus. */
    private Map<Region, Point2D> home;
    private Map<EdgeView, EdgeView.Route> homeRoutes;

    /** Shows only {@code stages} (null: all), and external images as nodes or not. Call {@link #leave} first. */
    void set(BitSet stages, boolean images) {
        this.shown = stages == null ? null : (BitSet) stages.clone();
        this.images = images;
    }

    /** Whether external images show as nodes (else each stage lists the ones it uses). */
    boolean images() {
        return images;
    }

    /** Whether a part of the graph is laid out on its own now. */
    boolean active() {
        return home != null;
    }

    /** Where {@code r} is in the whole graph: its place kept aside, or where it is when no focus is laid out. */
    Point2D home(Region r) {
        Point2D p = home == null ? null : home.get(r);
        return p != null ? p : new Point2D(r.getLayoutX(), r.getLayoutY());
    }

    /** Shows and hides the nodes and edges of {@code graph} for the focus, and lays the shown part out. */
    void apply(StageGraph graph, List<StageNodeView> stages, Iterable<ExternalImageView> externals, List<EdgeView> edges,
               PartLayout layout) {
        Set<String> usedImages = new HashSet<>();
        for (ExternalImage x : graph.external()) {
            if (images && (shown == null || shown.get(x.to()))) {
                usedImages.add(x.image());
            }
        }
        List<Region> all = new ArrayList<>(stages);
        List<Region> visible = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            boolean on = shown == null || shown.get(i);
            stages.get(i).setVisible(on);
            if (on) {
                visible.add(stages.get(i));
            }
        }
        for (ExternalImageView r : externals) {
            all.add(r);
            boolean on = usedImages.contains(r.image());
            r.setVisible(on);
            if (on) {
                visible.add(r);
            }
        }
        List<EdgeView> drawn = new ArrayList<>();
        for (EdgeView e : edges) {
            boolean on = e.fromNode().isVisible() && e.toNode().isVisible();
            e.setVisible(on);
            if (on) {
                drawn.add(e);
            }
        }
        if (shown == null && images) {
            return;
        }
        home = new IdentityHashMap<>();
        homeRoutes = new IdentityHashMap<>();
        for (Region r : all) {
            home.put(r, new Point2D(r.getLayoutX(), r.getLayoutY()));
        }
        edges.forEach(e -> homeRoutes.put(e, e.route()));
        if (!visible.isEmpty()) {
            layout.layOut(visible, drawn);
        }
    }

    /** Puts every node and route back where the whole graph has them. */
    void leave() {
        if (home == null) {
            return;
        }
        Map<Region, Point2D> back = home;
        home = null;
        back.forEach((r, p) -> r.relocate(p.getX(), p.getY()));
        homeRoutes.forEach(EdgeView::setRoute);
        homeRoutes = null;
    }
}
