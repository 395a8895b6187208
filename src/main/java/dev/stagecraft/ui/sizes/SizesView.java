package dev.stagecraft.ui.sizes;

import dev.stagecraft.ui.layers.Treemap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
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
 * The Sizes tab: the headline with the final image's composition (base, copied, own) and what
 * changed since the last build, a bar per stage (every one visible, its size written beside it,
 * the final image highlighted), the chosen stage's layers (clicking one puts the editor on its
 * line), and the final image's bytes by folder as a treemap with its largest files (clicking
 * either shows the path in the Layers tab). Wires controls to the
 * {@link SizesViewModel}. FX thread only.
 */
public final class SizesView extends BorderPane {
    private final SizesViewModel model;
    private final SizeChart chart = new SizeChart();
    private final Treemap treemap = new Treemap();

    public SizesView(SizesViewModel model, IntConsumer goToLine) {
        this(model, goToLine, path -> { }, () -> { });
    }

    /**
     * @param showPath  a path of the final image was clicked in the treemap (the window shows it in the Layers tab)
     * @param readFinal the user asked to read the final image's files (large images are not read unasked)
     */
    public SizesView(SizesViewModel model, IntConsumer goToLine, Consumer<String> showPath, Runnable readFinal) {
        this.model = model;
        getStyleClass().add("sizes-view");
        getStylesheets().add(dev.stagecraft.ui.layers.LayersStyles.URI);
        Label headline = new Label();
        headline.setId("sizes-headline");
        headline.getStyleClass().add("sizes-headline");
        headline.textProperty().bind(model.headlineProperty());
        Label composition = new Label();
        composition.setId("sizes-composition");
        composition.textProperty().bind(model.compositionProperty());
        CompositionBar compositionBar = new CompositionBar();
        compositionBar.setId("sizes-composition-bar");
        model.partsProperty().addListener((o, was, now) -> compositionBar.show(now));
        compositionBar.show(model.partsProperty().get());
        HBox compositionRow = new HBox(8, compositionBar, composition);
        compositionRow.setAlignment(Pos.CENTER_LEFT);
        compositionRow.visibleProperty().bind(model.compositionProperty().isNotEmpty());
        compositionRow.managedProperty().bind(compositionRow.visibleProperty());
        VBox changes = new VBox(1);
        changes.setId("sizes-changes");
        changes.getStyleClass().add("size-changes");
        Runnable fillChanges = () -> {
            changes.getChildren().clear();
            if (!model.changes().isEmpty()) {
                changes.getChildren().add(new Label("Since the last build:"));
            }
            model.changes().forEach(line -> changes.getChildren().add(new Label("  " + line)));
        };
        model.changes().addListener((ListChangeListener<String>) c -> fillChanges.run());
        fillChanges.run();
        VBox top = new VBox(3, headline, compositionRow, changes);
        top.setPadding(new Insets(2, 6, 4, 6));
        setTop(top);

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
        treemap.setId("sizes-treemap");
        treemap.setOnPick(showPath);
        Runnable fillTreemap = () -> treemap.show(model.finalFilesProperty().get(), model.finalStatusProperty().get()
                .isEmpty() ? "Build to see the final image's bytes by folder" : model.finalStatusProperty().get());
        model.finalFilesProperty().addListener((o, was, now) -> fillTreemap.run());
        model.finalStatusProperty().addListener((o, was, now) -> fillTreemap.run());
        fillTreemap.run();
        Button read = new Button("Read files");
        read.setId("sizes-read-final");
        read.visibleProperty().bind(model.finalReadableProperty());
        read.managedProperty().bind(read.visibleProperty());
        read.setOnAction(e -> readFinal.run());
        ListView<LargeFile> largest = new ListView<>(model.largestFiles());
        largest.setId("sizes-largest");
        largest.setPlaceholder(new Label("The final image's largest files show here"));
        largest.setPrefHeight(130);
        largest.setOnMouseClicked(e -> {
            LargeFile item = largest.getSelectionModel().getSelectedItem();
            if (item != null) {
                showPath.accept(item.path());
            }
        });
        VBox files = new VBox(4, new HBox(6, new Label("Final image by folder"), read), treemap,
                new Label("Largest files"), largest);
        files.setPadding(new Insets(0, 0, 0, 4));
        VBox.setVgrow(treemap, javafx.scene.layout.Priority.ALWAYS);
        SplitPane body = new SplitPane(chart, right, files);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.3, 0.65);
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

    /** The final image's bytes by folder. */
    public Treemap treemap() {
        return treemap;
    }

    /** The size chart: a bar per stage, every one visible, the final image highlighted. */
    SizeChart chart() {
        return chart;
    }
}
