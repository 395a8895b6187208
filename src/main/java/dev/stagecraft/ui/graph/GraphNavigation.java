package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.StageEdge;
import java.util.List;
import javafx.scene.input.KeyCode;

/**
 * Where an arrow key takes the selection among the shown stages: left to a stage it uses, right
 * to a stage that uses it (the one nearest in height), up and down to the nearest stage above or
 * below in its column (else the nearest above or below anywhere). FX thread only.
 */
final class GraphNavigation {
    private GraphNavigation() {
    }

    static Integer next(GraphCanvas canvas, int from, KeyCode key) {
        List<StageNodeView> nodes = canvas.stageNodes();
        if (from < 0 || from >= nodes.size()) {
            return null;
        }
        StageNodeView me = nodes.get(from);
        double cy = me.getLayoutY() + StageNodeView.HEIGHT / 2;
        Integer best = null;
        double bestScore = Double.MAX_VALUE;
        switch (key) {
            case LEFT, KP_LEFT, RIGHT, KP_RIGHT -> {
                boolean left = key == KeyCode.LEFT || key == KeyCode.KP_LEFT;
                for (StageEdge e : canvas.graph().edges()) {
                    int other = left ? (e.to() == from ? e.from() : -1) : (e.from() == from ? e.to() : -1);
                    if (other >= 0 && other != from && nodes.get(other).isVisible()) {
                        double score = Math.abs(nodes.get(other).getLayoutY() + StageNodeView.HEIGHT / 2 - cy);
                        if (score < bestScore) {
                            bestScore = score;
                            best = other;
                        }
                    }
                }
            }
            case UP, KP_UP, DOWN, KP_DOWN -> {
                boolean up = key == KeyCode.UP || key == KeyCode.KP_UP;
                double left = me.getLayoutX();
                double right = left + me.getPrefWidth();
                for (int i = 0; i < nodes.size(); i++) {
                    StageNodeView v = nodes.get(i);
                    double dy = v.getLayoutY() - me.getLayoutY();
                    if (i == from || !v.isVisible() || (up ? dy >= 0 : dy <= 0)) {
                        continue;
                    }
                    boolean sameColumn = v.getLayoutX() < right && left < v.getLayoutX() + v.getPrefWidth();
                    double dx = Math.abs(v.getLayoutX() - left);
                    double score = (sameColumn ? 0 : 1e6) + Math.abs(dy) + dx;
                    if (score < bestScore) {
                        bestScore = score;
                        best = i;
                    }
                }
            }
            default -> {
            }
        }
        return best;
    }
}
