package dev.stagecraft.ui.graph.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layered left-to-right layout of a stage graph with Eclipse ELK Layered (few crossings,
 * sources on the left, long edges routed around the nodes they pass). Knows nothing of JavaFX:
 * nodes are ids with sizes, edges id pairs. Stateless; each call builds its own ELK graph, so it
 * is safe from any thread.
 */
public final class StageLayout {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        // One tiny layout loads ELK Layered's classes (~0.4 s on 2 cores). The app initialises this class
        // on its preload thread at launch, so the first graph opened on the FX thread does not pay for it.
        layout(List.of(new Box("a", 10, 10), new Box("b", 10, 10), new Box("c", 10, 10), new Box("d", 10, 10)),
                List.of(new Link("a", "b"), new Link("b", "c"), new Link("a", "c"), new Link("a", "d")));
    }

    /** A box to place. */
    public record Box(String id, double width, double height) {
    }

    /** An edge from one box to another (the source is laid out to the left). */
    public record Link(String from, String to) {
    }

    /** A point: a placed box's top-left corner, or a point of an edge's route. */
    public record Point(double x, double y) {
    }

    /**
     * The result: each box's top-left corner (in input order), and for each distinct link its
     * route as a cubic spline: the start point, then three points (two controls and an end) per
     * curve piece.
     */
    public record Layout(Map<String, Point> positions, Map<Link, List<Point>> routes) {
    }

    private StageLayout() {
    }

    /**
     * Lays out a generated graph the size of a big real one (40 stages, some fan-in) a few times, so
     * the JIT has compiled ELK's hot paths before the user opens such a file: the first layout of
     * moby/moby's 37 stages in a fresh JVM takes ~0.4 s, later ones ~8 ms. The window calls this on
     * a background thread once it is shown; ~0.5 s of one core.
     */
    public static void warmUp() {
        List<Box> boxes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boxes.add(new Box("s" + i, 180, 70));
            if (i > 0) {
                links.add(new Link("s" + (i / 2), "s" + i));
            }
            if (i > 3 && i % 3 == 0) {
                links.add(new Link("s" + (i - 3), "s" + i));
            }
        }
        for (int i = 0; i < 8; i++) {
            layout(boxes, links);
        }
    }

    /** The least room between layers (for arrows and short labels). */
    public static final double LAYER_GAP = 84;

    /** Places every box and routes every link whose ends are both boxes; parallel links share a route. */
    public static Layout layout(List<Box> boxes, List<Link> links) {
        return layout(boxes, links, LAYER_GAP);
    }

    /** As {@link #layout(List, List)}, with {@code layerGap} between layers (room for the edges' labels). */
    public static Layout layout(List<Box> boxes, List<Link> links, double layerGap) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.SPLINES);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, Math.max(LAYER_GAP, layerGap));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box b : boxes) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(b.id());
            n.setWidth(b.width());
            n.setHeight(b.height());
            nodes.put(b.id(), n);
        }
        Map<Link, ElkEdge> edges = new LinkedHashMap<>();
        Set<Link> distinct = new LinkedHashSet<>(links); // one edge per pair is enough for placement
        for (Link l : distinct) {
            ElkNode from = nodes.get(l.from());
            ElkNode to = nodes.get(l.to());
            if (from != null && to != null && from != to) {
                edges.put(l, ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> positions = new LinkedHashMap<>();
        nodes.forEach((id, n) -> positions.put(id, new Point(n.getX(), n.getY())));
        Map<Link, List<Point>> routes = new LinkedHashMap<>();
        edges.forEach((l, e) -> {
            List<Point> route = route(e);
            if (!route.isEmpty()) {
                routes.put(l, route);
            }
        });
        return new Layout(positions, routes);
    }

    /** ELK's spline sections: bend points are the control points of consecutive cubic pieces. */
    private static List<Point> route(ElkEdge e) {
        List<Point> out = new ArrayList<>();
        if (e.getSections().size() != 1) {
            return out; // simple edges between siblings get one section; anything else is drawn plainly
        }
        ElkEdgeSection s = e.getSections().get(0);
        out.add(new Point(s.getStartX(), s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
            out.add(new Point(b.getX(), b.getY()));
        }
        out.add(new Point(s.getEndX(), s.getEndY()));
        if ((out.size() - 1) % 3 != 0) {
            out.clear(); // not a cubic spline: let the view draw its own curve
        }
        return out;
    }
}
