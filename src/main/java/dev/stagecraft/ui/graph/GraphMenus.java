package dev.stagecraft.ui.graph;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The graph's context menus: a stage's (every gesture a stage offers) and the background's. Each
 * item only fires a {@link GraphGesture}; items that could not apply are disabled. FX thread only.
 */
final class GraphMenus {
    private final GraphView view;

    GraphMenus(GraphView view) {
        this.view = view;
    }

    /** The menu of stage {@code stage} in a graph of {@code count} stages whose target is {@code target}. */
    ContextMenu stage(int stage, int count, int target) {
        MenuItem setTarget = item("Set as target", new GraphGesture.SetTarget(stage));
        setTarget.setDisable(stage == target);
        MenuItem up = item("Move up", new GraphGesture.Move(stage, -1));
        up.setDisable(stage == 0);
        MenuItem down = item("Move down", new GraphGesture.Move(stage, 1));
        down.setDisable(stage == count - 1);
        return new ContextMenu(
                item("Rename…", new GraphGesture.Rename(stage)),
                item("Change base…", new GraphGesture.ChangeBase(stage)),
                setTarget,
                new SeparatorMenuItem(),
                item("Add stage after…", new GraphGesture.AddStage(stage)),
                item("Duplicate…", new GraphGesture.Duplicate(stage)),
                up,
                down,
                new SeparatorMenuItem(),
                item("Delete…", new GraphGesture.Delete(stage)));
    }

    ContextMenu background() {
        return new ContextMenu(item("Add stage…", new GraphGesture.AddStage(null)), new SeparatorMenuItem(),
                action("Fit to view", view::fit), action("Arrange automatically", view::arrange));
    }

    private MenuItem item(String text, GraphGesture gesture) {
        return action(text, () -> view.fire(gesture));
    }

    private static MenuItem action(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
