package dev.stagecraft.ui.sizes;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A bar per stage, side by side in rows: the stage's name, its bar (linear, at least
 * {@link StageBar#MIN_WIDTH} so every stage shows) and its size written beside it; the final
 * image's bar is highlighted ({@code .chart-bar.final-bar}) and marked. Scrolls when there are
 * many stages. FX thread only.
 */
final class SizeChart extends ScrollPane {

    private static final double CELL_GAP = 6;

    private final GridPane rows = new GridPane();
    private List<StageBar> bars = List.of();

    SizeChart() {
        getStyleClass().add("size-chart");
        rows.getStyleClass().add("size-chart-rows");
        rows.setHgap(8);
        rows.setVgap(4);
        rows.setPadding(new Insets(8));
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().setAll(name, bar);
        setContent(rows);
        setFitToWidth(true);
        viewportBoundsProperty().addListener((o, was, now) -> {
            if (was.getWidth() != now.getWidth()) {
                sizeBars(); // a scroll bar came or went, or the window was resized
            }
        });
    }

    @Override
    protected void layoutChildren() {
        sizeBars(); // from the width the chart has now
        super.layoutChildren();
    }

    void show(List<StageBar> bars) {
        this.bars = List.copyOf(bars);
        rows.getChildren().clear();
        for (int i = 0; i < bars.size(); i++) {
            StageBar b = bars.get(i);
            Label name = new Label(b.name());
            name.getStyleClass().add("size-chart-name");
            Region bar = new Region();
            bar.getStyleClass().add("chart-bar");
            if (b.finalImage()) {
                bar.getStyleClass().add("final-bar");
                name.getStyleClass().add("final-name");
            }
            bar.setMinHeight(14);
            bar.setPrefHeight(14);
            Label value = new Label(b.size() + (b.change().isEmpty() ? "" : " (" + b.change() + ")")
                    + (b.finalImage() ? " · final image" : ""));
            value.getStyleClass().add("size-chart-value");
            value.setMinWidth(Region.USE_PREF_SIZE);
            javafx.scene.layout.HBox cell = new javafx.scene.layout.HBox(CELL_GAP, bar, value);
            cell.setAlignment(Pos.CENTER_LEFT);
            rows.addRow(i, name, cell);
        }
        sizeBars();
    }

    private void sizeBars() {
        long largest = bars.stream().mapToLong(StageBar::bytes).max().orElse(0);
        double nameWidth = rows.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0)
                .mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
        double valueWidth = values().stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0);
        // the room left for the longest bar: what the viewport shows (the chart less its borders and a
        // vertical scroll bar) less the rows' padding, the names, the widest size and the gaps; a pixel
        // spare for rounding, so no size is ever pushed past the right edge whatever the fonts measure
        double viewport = getViewportBounds().getWidth();
        if (viewport <= 0) {
            viewport = getWidth() - snappedLeftInset() - snappedRightInset() - 18;
        }
        Insets pad = rows.getInsets();
        double room = viewport - pad.getLeft() - pad.getRight() - nameWidth - rows.getHgap() - CELL_GAP - valueWidth - 2;
        for (javafx.scene.Node n : rows.getChildren()) {
            if (GridPane.getColumnIndex(n) == 1) {
                int row = GridPane.getRowIndex(n);
                Region bar = (Region) ((javafx.scene.layout.HBox) n).getChildren().get(0);
                double w = bars.get(row).width(largest, room);
                bar.setMinWidth(w);
                bar.setPrefWidth(w);
                bar.setMaxWidth(w);
            }
        }
    }

    /** The bars' regions, in stage order. */
    List<Region> barRegions() {
        return rows.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 1)
                .map(n -> (Region) ((javafx.scene.layout.HBox) n).getChildren().get(0)).toList();
    }

    /** The written sizes, in stage order. */
    List<Label> values() {
        return rows.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 1)
                .map(n -> (Label) ((javafx.scene.layout.HBox) n).getChildren().get(1)).toList();
    }
}
