package dev.stagecraft.ui.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageLayoutTest {
    @Test
    void mobyIsLaidOutLeftToRightWithoutOverlaps() {
        StageGraph g = StageGraph.parse(Corpus.read(Corpus.file("008-")));
        List<StageLayout.Box> boxes = new ArrayList<>();
        g.stages().forEach(s -> boxes.add(new StageLayout.Box("s" + s.index(), 180, 64)));
        List<StageLayout.Link> links = new ArrayList<>();
        g.edges().forEach(e -> links.add(new StageLayout.Link("s" + e.from(), "s" + e.to())));
        Map<String, StageLayout.Point> at = StageLayout.layout(boxes, links).positions();
        assertEquals(g.stages().size(), at.size());
        List<String> ids = new ArrayList<>(at.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                StageLayout.Point a = at.get(ids.get(i));
                StageLayout.Point b = at.get(ids.get(j));
                boolean apart = a.x() + 180 <= b.x() || b.x() + 180 <= a.x() || a.y() + 64 <= b.y() || b.y() + 64 <= a.y();
                assertTrue(apart, ids.get(i) + " overlaps " + ids.get(j));
            }
        }
        // every edge goes left to right: sources sit in earlier layers
        g.edges().forEach(e -> assertTrue(at.get("s" + e.from()).x() < at.get("s" + e.to()).x(),
                "edge " + e.from() + "->" + e.to()));
    }

    @Test
    void everyEdgeIsRoutedFromItsSourcesRightSideToItsUsersLeftSide() {
        StageGraph g = StageGraph.parse(Corpus.read(Corpus.file("008-")));
        List<StageLayout.Box> boxes = new ArrayList<>();
        g.stages().forEach(s -> boxes.add(new StageLayout.Box("s" + s.index(), 180, 64)));
        List<StageLayout.Link> links = new ArrayList<>();
        g.edges().forEach(e -> links.add(new StageLayout.Link("s" + e.from(), "s" + e.to())));
        StageLayout.Layout layout = StageLayout.layout(boxes, links);
        assertEquals(links.size(), layout.routes().size(), "one route per link, parallel ones too");
        for (int i = 0; i < links.size(); i++) {
            StageLayout.Link link = links.get(i);
            List<StageLayout.Point> route = layout.routes().get(i).points();
            StageLayout.Point from = layout.positions().get(link.from());
            StageLayout.Point to = layout.positions().get(link.to());
            StageLayout.Point start = route.get(0);
            StageLayout.Point end = route.get(route.size() - 1);
            assertEquals(from.x() + 180, start.x(), 0.5, link + " starts on the source's right side");
            assertTrue(start.y() >= from.y() && start.y() <= from.y() + 64, link.toString());
            assertEquals(to.x(), end.x(), 0.5, link + " ends on the user's left side");
            assertTrue(end.y() >= to.y() && end.y() <= to.y() + 64, link.toString());
            for (int k = 0; k + 1 < route.size(); k++) {
                StageLayout.Point a = route.get(k);
                StageLayout.Point b = route.get(k + 1);
                assertTrue(Math.abs(a.x() - b.x()) < 0.01 || Math.abs(a.y() - b.y()) < 0.01,
                        link + " is orthogonal: " + a + " " + b);
            }
        }
    }

    @Test
    void theWarmUpRunsItsFirstLayoutsAlwaysAndTheRestWhileAskedBeforeEach() {
        assertEquals(3, StageLayout.warmUp(3, () -> false), "no more than asked for");
        assertEquals(StageLayout.WARM_UP, StageLayout.warmUp(40, () -> false), "the user was already at work");
        int[] asked = {0};
        assertEquals(StageLayout.WARM_UP + 2, StageLayout.warmUp(40, () -> ++asked[0] <= 2), "stops at the first no");
        assertEquals(3, asked[0], "asked only beyond the first " + StageLayout.WARM_UP);
    }
}
