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
}
