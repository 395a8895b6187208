package dev.stagecraft.ui.graph.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layered left-to-right layout of a stage graph with Eclipse ELK Layered (few crossings,
 * sources on the left). Knows nothing of JavaFX: nodes are ids with sizes, edges id pairs.
 * Stateless; each call builds its own ELK graph, so it is safe from any thread.
 */
public final class StageLayout {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A box to place. */
    public record Box(String id, double width, double height) {
    }

    /** An edge from one box to another (the source is laid out to the left). */
    public record Link(String from, String to) {
    }

    /** A placed box: its top-left corner. */
    public record Point(double x, double y) {
    }

    private StageLayout() {
    }

    /** Places every box; the result has an entry for each box id, in input order. */
    public static Map<String, Point> layout(List<Box> boxes, List<Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.SPLINES);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(24));
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box b : boxes) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(b.id());
            n.setWidth(b.width());
            n.setHeight(b.height());
            nodes.put(b.id(), n);
        }
        List<Link> seen = new ArrayList<>();
        for (Link l : links) {
            ElkNode from = nodes.get(l.from());
            ElkNode to = nodes.get(l.to());
            if (from == null || to == null || from == to || seen.contains(l)) {
                continue; // one edge per pair is enough for placement
            }
            seen.add(l);
            ElkGraphUtil.createSimpleEdge(from, to);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> out = new LinkedHashMap<>();
        nodes.forEach((id, n) -> out.put(id, new Point(n.getX(), n.getY())));
        return out;
    }
}
