package dev.stagecraft.ui.graph;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/** Explains the edge styles and node emphasis. FX thread only. */
final class GraphLegend extends VBox {
    GraphLegend() {
        super(2);
        getStyleClass().add("graph-legend");
        getChildren().addAll(row("edge-base", "FROM stage"), row("edge-copy", "COPY --from"),
                row("edge-mount", "RUN --mount from"), text("bold: final image · faded: not needed"));
        setMouseTransparent(true);
    }

    private static HBox row(String kind, String text) {
        Line line = new Line(0, 0, 28, 0);
        line.getStyleClass().add("edge-line");
        HBox sample = new HBox(line);
        sample.getStyleClass().addAll("edge", kind);
        HBox row = new HBox(6, sample, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label text(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("legend-note");
        return l;
    }
}
