package dev.stagecraft.ui.build;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Column widths that fit what they show: no column is narrower than its header's text (so a
 * header never reads "Bui…"), and chosen columns grow to their widest value (up to a cap) as rows
 * arrive. Measures with the font the table is drawn in, once its skin exists. FX thread only.
 */
final class ColumnFit {
    /** Room around a header's or a cell's text: the cell padding and the sort arrow's gap. */
    private static final double PADDING = 22;
    /** A value column never grows beyond this by itself; the user can still drag it wider. */
    private static final double CAP = 260;

    private ColumnFit() {
    }

    /** Sets each column's minimum width to its header text's width, once the table is drawn. */
    static <R> void headersFit(TableView<R> table) {
        Runnable fit = () -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader header && header.getTableColumn() != null) {
                    Node label = header.lookup(".label");
                    double text = label instanceof Label l ? textWidth(l.getText(), l.getFont()) : 0;
                    TableColumn<?, ?> column = (TableColumn<?, ?>) header.getTableColumn();
                    double min = Math.ceil(text + PADDING);
                    if (column.getMinWidth() < min) {
                        column.setMinWidth(min);
                    }
                    if (column.getPrefWidth() < min) {
                        column.setPrefWidth(min);
                    }
                }
            }
        };
        table.skinProperty().addListener((o, was, now) -> {
            if (now != null) {
                table.applyCss();
                table.layout();
                fit.run();
            }
        });
    }

    /** Grows the given columns to their widest value (up to {@link #CAP}) whenever rows change. */
    static <R> void toContent(TableView<R> table, int... columns) {
        Runnable fit = () -> {
            Font font = font(table);
            for (int i : columns) {
                @SuppressWarnings("unchecked")
                TableColumn<R, Object> column = (TableColumn<R, Object>) table.getColumns().get(i);
                double widest = 0;
                for (R row : table.getItems()) {
                    Object value = column.getCellObservableValue(row) == null ? null : column.getCellObservableValue(row).getValue();
                    if (value != null) {
                        widest = Math.max(widest, textWidth(value.toString(), font));
                    }
                }
                double want = Math.min(CAP, Math.ceil(widest + PADDING));
                if (want > column.getWidth()) {
                    column.setPrefWidth(Math.max(want, column.getMinWidth()));
                }
            }
        };
        table.getItems().addListener((ListChangeListener<R>) c -> fit.run());
        table.skinProperty().addListener((o, was, now) -> {
            if (now != null) {
                fit.run();
            }
        });
    }

    private static Font font(TableView<?> table) {
        Node label = table.lookup(".column-header .label");
        return label instanceof Label l ? l.getFont() : Font.getDefault();
    }

    private static double textWidth(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
