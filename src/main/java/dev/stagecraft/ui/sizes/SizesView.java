package dev.stagecraft.ui.sizes;

import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Sizes tab: the headline, a bar per stage (every one visible, its size written beside it, the
 * final image highlighted) and the chosen
 * stage's layers; clicking a layer puts the editor on its line. Wires controls to the
 * {@link SizesViewModel}. FX thread only.
 */
public final class SizesView extends BorderPane {
    private final SizesViewModel model;
    private final SizeChart chart = new SizeChart();

    public SizesView(SizesViewModel model, IntConsumer goToLine) {
        this.model = model;
        getStyleClass().add("sizes-view");
        Label headline = new Label();
        headline.setId("sizes-headline");
        headline.getStyleClass().add("sizes-headline");
        headline.textProperty().bind(model.headlineProperty());
        setTop(headline);

        chart.setId("sizes-chart");
        getStylesheets().add(SizesView.class.getResource("/dev/stagecraft/ui/sizes/sizes.css").toExternalForm());
        model.bars().addListener((ListChangeListener<StageBar>) c -> fillChart());

        ComboBox<StageBar> stage = new ComboBox<>(model.bars());
        stage.setId("sizes-stage");
        stage.setConverter(new StringConverter<>() {
            @Override
            public String toString(StageBar b) {
                return b == null ? "" : b.name() + " \u2014 " + b.size() + (b.change().isEmpty() ? "" : " (" + b.change() + ")");
            }

            @Override
            public StageBar fromString(String s) {
                return null;
            }
        });
        stage.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(StageBar b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : stage.getConverter().toString(b));
            }
        });
        stage.valueProperty().bindBidirectional(model.selectedProperty());

        TableView<LayerRow> layers = new TableView<>(model.layers());
        layers.setId("sizes-layers");
        layers.setPlaceholder(new Label("No layers"));
        layers.getColumns().add(column("Size", 90, LayerRow::size));
        layers.getColumns().add(column("Line", 50, r -> r.line() == null ? "" : r.line().toString()));
        layers.getColumns().add(column("Instruction", 520, LayerRow::instruction));
        layers.setRowFactory(t -> {
            TableRow<LayerRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && row.getItem().line() != null) {
                    goToLine.accept(row.getItem().line());
                }
            });
            return row;
        });
        VBox right = new VBox(4, new HBox(6, new Label("Layers of"), stage), layers);
        VBox.setVgrow(layers, javafx.scene.layout.Priority.ALWAYS);
        SplitPane body = new SplitPane(chart, right);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.4);
        setCenter(body);
        fillChart(); // the tab is made when first shown, maybe after a build
    }

    private void fillChart() {
        chart.show(model.bars());
    }

    private static <R> TableColumn<R, String> column(String title, double width, java.util.function.Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    /** The size chart: a bar per stage, every one visible, the final image highlighted. */
    SizeChart chart() {
        return chart;
    }
}
