package dev.stagecraft.ui.graph.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layered left-to-right layout of a stage graph with Eclipse ELK Layered: few crossings, sources
 * on the left, every edge routed orthogonally around the nodes, and each edge label given its own
 * place by ELK (a label dummy in the middle of its edge, so labels overlap neither nodes nor each
 * other). Knows nothing of JavaFX: nodes are ids with sizes, edges id pairs with a label size.
 * Stateless; each call builds its own ELK graph, so it is safe from any thread.
 *
 * <p>ELK options set: algorithm {@code layered}, direction {@code RIGHT}, edge routing
 * {@code ORTHOGONAL}, edge labels {@code CENTER} (label dummies in the middle layer of their edge),
 * model order {@code NODES_AND_EDGES} (stages keep their file order top to bottom where crossings
 * allow), spacings: node-node 24, between layers {@link #LAYER_GAP}, edge-node 16, edge-edge 10,
 * edge-label 3, label-label 6, label-node 10, padding 24. Labels need a text for ELK to place
 * them (it drops empty ones); only their size matters here.
 */
public final class StageLayout {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        // One tiny layout loads ELK Layered's classes (~0.4 s on 2 cores). The app initialises this class
        // on its preload thread at launch, so the first graph opened on the FX thread does not pay for it.
        layout(List.of(new Box("a", 10, 10), new Box("b", 10, 10), new Box("c", 10, 10), new Box("d", 10, 10)),
                List.of(new Link("a", "b", 20, 10), new Link("b", "c"), new Link("a", "c"), new Link("a", "d")));
    }

    /** The least room between layers (for the arrows; labels get a layer of their own). */
    public static final double LAYER_GAP = 40;

    /** A box to place. */
    public record Box(String id, double width, double height) {
    }

    /**
     * An edge from one box to another (the source is laid out to the left), with the size of its
     * label; a label of width 0 is none.
     */
    public record Link(String from, String to, double labelWidth, double labelHeight) {
        public Link(String from, String to) {
            this(from, to, 0, 0);
        }

        boolean labelled() {
            return labelWidth > 0 && labelHeight > 0;
        }
    }

    /** A point: a placed box's top-left corner, or a point of an edge's route. */
    public record Point(double x, double y) {
    }

    /**
     * Where an edge goes: a polyline from the source's side to the user's side (start, bends, end),
     * and its label's top-left corner (null without a label).
     */
    public record Route(List<Point> points, Point label) {
        public Route {
            points = List.copyOf(points);
        }
    }

    /**
     * The result: each box's top-left corner (in input order), and each link's route, by the
     * link's place in the input (an entry is null for a link that was not laid out: an unknown
     * box, or a loop).
     */
    public record Layout(Map<String, Point> positions, List<Route> routes) {
        public Layout {
            routes = Collections.unmodifiableList(new ArrayList<>(routes));
        }

        /** Whether this layout routed its edges (a full layout; placements among placed boxes do not). */
        public boolean routed() {
            return routes.stream().anyMatch(r -> r != null);
        }
    }

    private StageLayout() {
    }

    /** Warm-up layouts that always run (launched with a file, that file's open warms up the rest). */
    public static final int WARM_UP = 8;
    /**
     * Warm-up layouts while the window is idle after launch. Measured on a 2-core machine (4 runs
     * each, moby/moby opened 3 s after launch, then 20 times more): with 40 instead of 8, ELK's part
     * of a later open fell from 17 to 13 ms (medians) and the first open from 245 to 203 ms (means).
     */
    public static final int WARM_UP_IDLE = 40;

    /**
     * Lays out a generated graph the size of a big real one (40 stages, some fan-in, labels)
     * {@link #WARM_UP} times, then on up to {@code layouts} in all while {@code more} says so (asked
     * before each of those), so the JIT has compiled
     * ELK's hot paths before the user opens such a file: the first layout of moby/moby's 37 stages in
     * a fresh JVM takes ~0.4 s, later ones a few ms. The window calls this on a background thread once
     * it is shown; 8 layouts take ~0.5 s of one core. Returns how many ran.
     */
    public static int warmUp(int layouts, java.util.function.BooleanSupplier more) {
        List<Box> boxes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boxes.add(new Box("s" + i, 180, 70));
            if (i > 0) {
                links.add(new Link("s" + (i / 2), "s" + i));
            }
            if (i > 3 && i % 3 == 0) {
                links.add(new Link("s" + (i - 3), "s" + i, 60, 16));
            }
        }
        int done = 0;
        while (done < layouts && (done < WARM_UP || more.getAsBoolean())) {
            layout(boxes, links);
            done++;
        }
        return done;
    }

    /** Places every box and routes every link whose ends are both boxes (each link its own edge). */
    public static Layout layout(List<Box> boxes, List<Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        root.setProperty(CoreOptions.SPACING_LABEL_LABEL, 6.0);
        root.setProperty(CoreOptions.SPACING_LABEL_NODE, 10.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box b : boxes) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(b.id());
            n.setWidth(b.width());
            n.setHeight(b.height());
            nodes.put(b.id(), n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link l : links) {
            ElkNode from = nodes.get(l.from());
            ElkNode to = nodes.get(l.to());
            ElkEdge e = null;
            if (from != null && to != null && from != to) {
                e = ElkGraphUtil.createSimpleEdge(from, to);
                if (l.labelled()) {
                    ElkLabel label = ElkGraphUtil.createLabel("label", e);
                    label.setWidth(l.labelWidth());
                    label.setHeight(l.labelHeight());
                    label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
                }
            }
            edges.add(e);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> positions = new LinkedHashMap<>();
        nodes.forEach((id, n) -> positions.put(id, new Point(n.getX(), n.getY())));
        List<Route> routes = new ArrayList<>();
        for (ElkEdge e : edges) {
            routes.add(e == null ? null : route(e));
        }
        return new Layout(positions, routes);
    }

    /** ELK's orthogonal section: start, bend points, end; the label's corner (relative to the same root). */
    private static Route route(ElkEdge e) {
        if (e.getSections().size() != 1) {
            return null; // simple edges between siblings get one section; anything else is drawn plainly
        }
        ElkEdgeSection s = e.getSections().get(0);
        List<Point> out = new ArrayList<>();
        out.add(new Point(s.getStartX(), s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
            out.add(new Point(b.getX(), b.getY()));
        }
        out.add(new Point(s.getEndX(), s.getEndY()));
        Point label = e.getLabels().isEmpty() ? null : new Point(e.getLabels().get(0).getX(), e.getLabels().get(0).getY());
        return new Route(out, label);
    }
}
