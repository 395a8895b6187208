package dev.stagecraft.ui.window;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard Shortcuts: every key of {@link ShortcutTable} in a table to read or filter (type
 * a key or a word). Not modal, so the keys can be tried with it open. FX thread only.
 */
final class KeyboardShortcuts {
    private KeyboardShortcuts() {
    }

    /** Opens the list over {@code owner}; the menu bar says which menu shortcuts there are now. */
    static Dialog<Void> show(Window owner, MenuBar menus) {
        TableView<ShortcutTable.Row> table = new TableView<>();
        table.setId("shortcut-table");
        FilteredList<ShortcutTable.Row> rows = new FilteredList<>(FXCollections.observableArrayList(ShortcutTable.rows(menus)));
        table.setItems(rows);
        table.setPlaceholder(new Label("No shortcut matches"));
        TableColumn<ShortcutTable.Row, String> keys = column("Keys", 200, ShortcutTable.Row::keys);
        keys.setMinWidth(150);
        keys.getStyleClass().add("shortcut-keys");
        TableColumn<ShortcutTable.Row, String> does = column("Does", 460, ShortcutTable.Row::does);
        TableColumn<ShortcutTable.Row, String> where = column("Where", 110, ShortcutTable.Row::where);
        where.setMinWidth(110); // "Bottom tabs", whole
        // where, the keys, then what they do, which takes the rest and wraps
        table.getColumns().add(where);
        table.getColumns().add(keys);
        table.getColumns().add(does);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        does.setCellFactory(c -> wrapping(does));
        keys.setCellFactory(c -> wrapping(keys));

        TextField filter = new TextField();
        filter.setId("shortcut-filter");
        filter.setPromptText("Filter: a key (F2, Ctrl+K) or a word (zoom, stage)");
        filter.textProperty().addListener((o, was, now) -> {
            String q = now.strip().toLowerCase(Locale.ROOT);
            rows.setPredicate(r -> q.isEmpty() || (r.keys() + " " + r.does() + " " + r.where())
                    .toLowerCase(Locale.ROOT).contains(q));
        });
        VBox body = new VBox(8, filter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.setPrefSize(800, 560);

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Keyboard Shortcuts");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setPrefWidth(840);
        dialog.getDialogPane().setMinWidth(840);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStyleClass().add("keyboard-shortcuts");
        dialog.show();
        filter.requestFocus();
        return dialog;
    }

    private static TableColumn<ShortcutTable.Row, String> column(String title, double width,
            java.util.function.Function<ShortcutTable.Row, String> value) {
        TableColumn<ShortcutTable.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    /** A cell whose text wraps to the column's width (the row grows), so nothing is cut to "…". */
    private static TableCell<ShortcutTable.Row, String> wrapping(TableColumn<ShortcutTable.Row, String> column) {
        TableCell<ShortcutTable.Row, String> cell = new TableCell<>();
        // a Text wraps at a set width and reports the wrapped height, so the row grows to it
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        text.getStyleClass().add("shortcut-text");
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
        text.textProperty().bind(cell.itemProperty());
        text.fillProperty().bind(cell.textFillProperty());
        text.fontProperty().bind(cell.fontProperty());
        cell.setGraphic(text);
        cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
        return cell;
    }
}
