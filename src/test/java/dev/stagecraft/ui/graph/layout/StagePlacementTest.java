package dev.stagecraft.ui.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New boxes get a place next to their neighbours without moving, or covering, placed ones. */
class StagePlacementTest {
    private static final List<StageLayout.Box> BOXES = List.of(new StageLayout.Box("a", 100, 50),
            new StageLayout.Box("b", 100, 50), new StageLayout.Box("c", 100, 50), new StageLayout.Box("new", 100, 50));
    private static final List<StageLayout.Link> LINKS = List.of(new StageLayout.Link("a", "b"),
            new StageLayout.Link("b", "c"), new StageLayout.Link("b", "new"));

    @Test
    void withNothingPlacedItIsThePlainLayoutWithRoutes() {
        StageLayout.Layout l = StagePlacement.placeNew(BOXES, LINKS, Map.of());
        assertEquals(StageLayout.layout(BOXES, LINKS).positions(), l.positions());
        assertEquals(3, l.routes().size());
    }

    @Test
    void aNewBoxSitsRightOfItsMovedSourceAndCoversNothing() {
        Map<String, StageLayout.Point> placed = new LinkedHashMap<>();
        placed.put("a", new StageLayout.Point(1000, 1000));
        placed.put("b", new StageLayout.Point(1200, 1000)); // the user moved everything far away
        placed.put("c", new StageLayout.Point(1400, 1000));
        StageLayout.Layout l = StagePlacement.placeNew(BOXES, LINKS, placed);
        assertEquals(List.of("new"), List.copyOf(l.positions().keySet()), "only the new box gets a place");
        assertFalse(l.routed(), "routes were made for places the boxes are not at");
        StageLayout.Point p = l.positions().get("new");
        assertTrue(p.x() > 1200 + 100, "right of its source b: " + p);
        assertTrue(p.y() > 900 && p.y() < 1200, "near its source b: " + p);
        placed.forEach((id, q) -> assertFalse(p.x() < q.x() + 100 && q.x() < p.x() + 100 && p.y() < q.y() + 50
                && q.y() < p.y() + 50, "overlaps " + id));
    }

    @Test
    void aBoxWithoutPlacedNeighboursGoesNearTheNearestPlacedOne() {
        var boxes = List.of(new StageLayout.Box("a", 100, 50), new StageLayout.Box("lonely", 100, 50));
        StageLayout.Layout l = StagePlacement.placeNew(boxes, List.of(), Map.of("a", new StageLayout.Point(500, 500)));
        StageLayout.Point p = l.positions().get("lonely");
        assertTrue(Math.hypot(p.x() - 500, p.y() - 500) < 300, "near a: " + p);
        assertTrue(p.y() >= 500 + 50 || p.x() >= 600 || p.x() + 100 <= 500 || p.y() + 50 <= 500, "covers a: " + p);
    }
}
