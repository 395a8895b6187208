package dev.stagecraft.ui.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ELK's layout of every corpus file, as the pane asks for it (its boxes, its drawn edges and
 * label sizes): no edge segment passes through a node's box, no label covers a node or another
 * label, every edge leaves its source's right side and enters its user's left side.
 */
class CorpusLayoutTest {
    /** Roughly the pane's sizes: 7 px a character of a label at 0.8 em, 16 px high. */
    private static double labelWidth(String s) {
        return s.isEmpty() ? 0 : 7 * s.length() + 6;
    }

    static List<String> check(StageGraph g) {
        List<StageLayout.Box> boxes = new ArrayList<>();
        g.stages().forEach(s -> boxes.add(new StageLayout.Box(GraphPlan.stageId(s.index()),
                Math.max(184, 8.5 * s.displayName().length() + 30), 66)));
        Set<String> images = new LinkedHashSet<>();
        g.external().forEach(x -> images.add(x.image()));
        images.forEach(i -> boxes.add(new StageLayout.Box(GraphPlan.imageKey(i), 170, 30)));
        List<GraphPlan.Edge> edges = GraphPlan.edges(g, i -> true, true);
        List<StageLayout.Link> links = edges.stream().map(e -> new StageLayout.Link(e.from(), e.to(),
                labelWidth(e.label()), e.label().isEmpty() ? 0 : 16)).toList();
        StageLayout.Layout layout = StageLayout.layout(boxes, links);
        List<LayoutGeometry.Rect> nodes = new ArrayList<>();
        for (StageLayout.Box b : boxes) {
            StageLayout.Point p = layout.positions().get(b.id());
            nodes.add(new LayoutGeometry.Rect(b.id(), p.x(), p.y(), b.width(), b.height()));
        }
        List<List<double[]>> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<LayoutGeometry.Rect> labels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            StageLayout.Route r = layout.routes().get(i);
            StageLayout.Link l = links.get(i);
            String name = l.from() + "->" + l.to() + " '" + edges.get(i).label() + "'";
            if (r == null) {
                problems.add("no route for " + name);
                continue;
            }
            lines.add(r.points().stream().map(p -> new double[] {p.x(), p.y()}).toList());
            names.add(name);
            StageLayout.Point from = layout.positions().get(l.from());
            StageLayout.Point to = layout.positions().get(l.to());
            double fromWidth = boxes.stream().filter(b -> b.id().equals(l.from())).findFirst().orElseThrow().width();
            if (Math.abs(r.points().get(0).x() - (from.x() + fromWidth)) > 0.5
                    || Math.abs(r.points().get(r.points().size() - 1).x() - to.x()) > 0.5) {
                problems.add(name + " does not go from the right side to the left side");
            }
            if (l.labelled()) {
                if (r.label() == null) {
                    problems.add(name + " has no label place");
                } else {
                    labels.add(new LayoutGeometry.Rect(name, r.label().x(), r.label().y(), l.labelWidth(), l.labelHeight()));
                }
            }
        }
        problems.addAll(LayoutGeometry.problems(nodes, lines, names, labels));
        return problems;
    }

    @Test
    void everyCorpusFileIsLaidOutWithoutEdgesThroughNodesOrLabelsOverlapping() {
        List<String> all = new ArrayList<>();
        int files = 0;
        for (Path f : Corpus.files()) {
            StageGraph g = StageGraph.parse(Corpus.read(f));
            check(g).forEach(p -> all.add(f.getFileName() + ": " + p));
            files++;
        }
        assertTrue(files >= 50, "the corpus has its 50 files: " + files);
        assertEquals(List.of(), all);
    }

    @Test
    void theCheckFindsAnEdgeThroughABoxAndOverlappingLabels() {
        LayoutGeometry.Rect box = new LayoutGeometry.Rect("box", 100, 100, 50, 50);
        assertTrue(LayoutGeometry.crosses(0, 125, 300, 125, box));
        assertTrue(!LayoutGeometry.crosses(0, 100, 300, 100, box), "along the top side is not through");
        assertTrue(!LayoutGeometry.crosses(150, 125, 300, 125, box), "leaving from the right side is not through");
        assertTrue(LayoutGeometry.crosses(90, 90, 160, 160, box), "a diagonal through it");
        assertEquals(2, LayoutGeometry.problems(List.of(box), List.of(List.of(new double[] {0, 120}, new double[] {300, 120})),
                List.of("e"), List.of(new LayoutGeometry.Rect("a", 0, 0, 40, 20), new LayoutGeometry.Rect("b", 30, 10, 40, 20)))
                .size());
    }

    @Test
    void severalMountsFromOneRunAreSeparateEdges() {
        StageGraph g = StageGraph.parse("""
                FROM golang AS build
                RUN make
                FROM alpine
                RUN --mount=type=bind,from=build,source=/a,target=/a --mount=type=bind,from=build,source=/b,target=/b ls
                """);
        List<GraphPlan.Edge> edges = GraphPlan.edges(g, i -> true, true);
        assertEquals(List.of("mount /a", "mount /b"), edges.stream().map(GraphPlan.Edge::label).toList());
        assertEquals(List.of(), check(g));
    }

    @Test
    void manyCopiesBetweenTheSameStagesBecomeOneEdge() {
        StringBuilder text = new StringBuilder("FROM alpine AS a\nFROM alpine AS b\n");
        for (int i = 0; i < 13; i++) {
            text.append("COPY --from=a /out/").append(i).append(" /in/").append(i).append('\n');
        }
        List<GraphPlan.Edge> edges = GraphPlan.edges(StageGraph.parse(text.toString()), i -> true, true);
        assertEquals(1, edges.size());
        assertEquals("/out/0 +12 more", edges.get(0).label());
        assertEquals(13, edges.get(0).edges().size());
    }
}
