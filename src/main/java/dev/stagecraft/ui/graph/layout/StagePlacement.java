package dev.stagecraft.ui.graph.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds places for boxes that have none (new stages, new external images) without moving the
 * ones that have: the whole graph is laid out (with {@link StageLayout}, or {@link QuickLayout}
 * above {@link #LARGE} boxes), and each new box goes
 * where that layout puts it relative to a placed neighbour (its source if it has one), then down
 * until it overlaps nothing. With nothing placed yet it is the plain layout. Pure and stateless.
 */
public final class StagePlacement {
    /** The free space kept between a new box and its neighbours. */
    static final double GAP = 14;
    /** Above this many boxes the graph is placed by {@link QuickLayout} instead of ELK (which takes seconds at 1,600). */
    public static final int LARGE = 300;

    private StagePlacement() {
    }

    /**
     * Places every box that is not in {@code placed}; the result's positions are only those, in
     * {@code boxes} order. {@code placed} maps box ids to their current top-left corners. The
     * result's routes are ELK's when nothing was placed (the plain layout), else all null: routes
     * around where the boxes are not would mislead.
     */
    public static StageLayout.Layout placeNew(List<StageLayout.Box> boxes, List<StageLayout.Link> links,
            Map<String, StageLayout.Point> placed) {
        StageLayout.Layout layout = layout(boxes, links);
        Map<String, StageLayout.Point> laidOut = layout.positions();
        Map<String, StageLayout.Point> out = new LinkedHashMap<>();
        if (placed.keySet().stream().noneMatch(laidOut::containsKey)) {
            return layout;
        }
        Map<String, StageLayout.Box> byId = new LinkedHashMap<>();
        boxes.forEach(b -> byId.put(b.id(), b));
        Map<String, StageLayout.Point> taken = new LinkedHashMap<>();
        placed.forEach((id, p) -> {
            if (byId.containsKey(id)) {
                taken.put(id, p);
            }
        });
        for (StageLayout.Box b : boxes) {
            if (taken.containsKey(b.id())) {
                continue;
            }
            String anchor = anchor(b.id(), links, taken, laidOut);
            StageLayout.Point me = laidOut.get(b.id());
            StageLayout.Point from = laidOut.get(anchor);
            StageLayout.Point now = taken.get(anchor);
            StageLayout.Point p = free(b, new StageLayout.Point(now.x() + me.x() - from.x(), now.y() + me.y() - from.y()),
                    taken, byId);
            taken.put(b.id(), p);
            out.put(b.id(), p);
        }
        return new StageLayout.Layout(out, java.util.Collections.nCopies(links.size(), null));
    }

    /** ELK's layout up to {@link #LARGE} boxes, {@link QuickLayout}'s above. */
    public static StageLayout.Layout layout(List<StageLayout.Box> boxes, List<StageLayout.Link> links) {
        return boxes.size() > LARGE ? QuickLayout.layout(boxes, links) : StageLayout.layout(boxes, links);
    }

    /** A placed source of {@code id}, else a placed user of it, else the placed box nearest in the layout. */
    private static String anchor(String id, List<StageLayout.Link> links, Map<String, StageLayout.Point> taken,
            Map<String, StageLayout.Point> laidOut) {
        for (StageLayout.Link l : links) {
            if (l.to().equals(id) && taken.containsKey(l.from())) {
                return l.from();
            }
        }
        for (StageLayout.Link l : links) {
            if (l.from().equals(id) && taken.containsKey(l.to())) {
                return l.to();
            }
        }
        StageLayout.Point me = laidOut.get(id);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String other : taken.keySet()) {
            StageLayout.Point p = laidOut.get(other);
            double d = Math.hypot(p.x() - me.x(), p.y() - me.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = other;
            }
        }
        return best;
    }

    /** Moves {@code at} down below whatever it overlaps until it overlaps nothing. */
    private static StageLayout.Point free(StageLayout.Box b, StageLayout.Point at, Map<String, StageLayout.Point> taken,
            Map<String, StageLayout.Box> byId) {
        double x = at.x();
        double y = at.y();
        boolean moved = true;
        for (int guard = 0; moved && guard < 1000; guard++) {
            moved = false;
            for (Map.Entry<String, StageLayout.Point> e : taken.entrySet()) {
                StageLayout.Box o = byId.get(e.getKey());
                StageLayout.Point p = e.getValue();
                if (x < p.x() + o.width() + GAP && p.x() < x + b.width() + GAP
                        && y < p.y() + o.height() + GAP && p.y() < y + b.height() + GAP) {
                    y = p.y() + o.height() + GAP;
                    moved = true;
                }
            }
        }
        return new StageLayout.Point(x, y);
    }
}
