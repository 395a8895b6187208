package dev.stagecraft.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The readable zoom's view on one axis ({@link GraphInteraction#axis}): around the target, never beyond the graph. */
class GraphFitAxisTest {
    private static final double VIEW = 500;

    /** Where the graph point {@code x} lands on screen for pan {@code pan} at scale {@code s}. */
    private static double onScreen(double x, double s, double pan) {
        return x * s + pan;
    }

    @Test
    void aTargetDeepInsideALongGraphIsInTheMiddle() {
        double pan = GraphInteraction.axis(0, 2000, 1000, 0.5, VIEW, 24, 24);
        assertEquals(VIEW / 2, onScreen(1000, 0.5, pan), 1e-9);
    }

    @Test
    void aTargetAtTheGraphsEndPutsTheViewsEndAtTheGraphsEndAndKeepsTheTargetInView() {
        // centring 1950 would leave 225 px of empty canvas after the graph
        double pan = GraphInteraction.axis(0, 2000, 1950, 0.5, VIEW, 24, 24);
        assertEquals(VIEW - 24, onScreen(2000, 0.5, pan), 1e-9, "the graph's end at the margin");
        double target = onScreen(1950, 0.5, pan);
        assertTrue(target > 0 && target < VIEW, "the target in view: " + target);
    }

    @Test
    void aTargetAtTheGraphsStartLeavesTheRoomAskedForBeforeIt() {
        double pan = GraphInteraction.axis(100, 2100, 120, 0.5, VIEW, 146, 24); // room for the minimap above
        assertEquals(146, onScreen(100, 0.5, pan), 1e-9);
    }

    @Test
    void aGraphNoLongerThanTheViewIsInTheMiddleWhereverTheTargetIs() {
        double pan = GraphInteraction.axis(0, 900, 880, 0.5, VIEW, 24, 24);
        assertEquals(VIEW / 2, onScreen(450, 0.5, pan), 1e-9);
    }
}
