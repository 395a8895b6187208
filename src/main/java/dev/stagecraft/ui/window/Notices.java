package dev.stagecraft.ui.window;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Messages that need no answer now but may get one: a file changed on disk, unsaved text found
 * after a crash, state migrated from a sidecar. Each is a row above the panes with its actions and
 * a close button; a notice with the same id replaces the last in its place (shown again as it
 * is, it keeps its row). Non-modal, so work goes on. FX
 * thread only.
 */
final class Notices extends VBox {
    /** A button on a notice; the notice goes after its action runs. */
    record Action(String label, Runnable run) {
    }

    Notices() {
        getStyleClass().add("notices");
    }

    /** Shows (or replaces) the notice {@code id}. */
    void show(String id, String message, List<Action> actions) {
        HBox shown = (HBox) getChildren().stream().filter(n -> id.equals(n.getId())).findFirst().orElse(null);
        if (shown != null && sameNotice(shown, message, actions)) {
            // the same notice again (a file changed twice): its row and buttons stay where they
            // are, so a click already under way lands; the buttons run the newest actions
            List<Button> buttons = actionButtons(shown);
            for (int i = 0; i < actions.size(); i++) {
                buttons.get(i).setOnAction(onAction(id, actions.get(i)));
            }
            return;
        }
        int at = shown == null ? getChildren().size() : getChildren().indexOf(shown);
        dismiss(id);
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("notice-text");
        HBox row = new HBox(8);
        row.setId(id);
        row.getStyleClass().add("notice");
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().add(text);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        for (Action a : actions) {
            Button b = new Button(a.label());
            b.getStyleClass().add("notice-action");
            b.setOnAction(onAction(id, a));
            row.getChildren().add(b);
        }
        Button close = new Button("\u2715");
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> dismiss(id));
        Region gap = new Region();
        row.getChildren().addAll(gap, close);
        getChildren().add(at, row); // a replaced notice keeps its place
    }

    private javafx.event.EventHandler<javafx.event.ActionEvent> onAction(String id, Action a) {
        return e -> {
            dismiss(id);
            a.run().run();
        };
    }

    private static List<Button> actionButtons(HBox row) {
        return row.getChildren().stream().filter(n -> n.getStyleClass().contains("notice-action"))
                .map(Button.class::cast).toList();
    }

    private static boolean sameNotice(HBox row, String message, List<Action> actions) {
        Label text = (Label) row.getChildren().get(0);
        return text.getText().equals(message)
                && actionButtons(row).stream().map(Button::getText).toList()
                        .equals(actions.stream().map(Action::label).toList());
    }

    void dismiss(String id) {
        getChildren().removeIf(n -> id.equals(n.getId()));
    }

    boolean showing(String id) {
        return getChildren().stream().anyMatch(n -> id.equals(n.getId()));
    }
}
