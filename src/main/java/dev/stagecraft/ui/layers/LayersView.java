package dev.stagecraft.ui.layers;

import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Layers tab: a stage, its layers (size, line, changes, instruction; clicking one shows its
 * files and puts the editor on its line), and the chosen layer's file tree with its scope, order
 * and path filter; a progress bar and Cancel while the stage's image is read. Wires controls to
 * the {@link LayersViewModel}. FX thread only.
 */
public final class LayersView extends BorderPane {
    private final LayersViewModel model;
    private final TableView<LayerItem> table;
    private final FileTreeTable tree;
    private boolean syncing;

    public LayersView(LayersViewModel model, IntConsumer goToLine) {
        this.model = model;
        getStyleClass().add("layers-view");
        getStylesheets().add(LayersStyles.URI);

        ComboBox<LayersViewModel.StageChoice> stage = new ComboBox<>(model.stages());
        stage.setId("layers-stage");
        stage.valueProperty().bindBidirectional(model.stageProperty());
        Label status = new Label();
        status.setId("layers-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("layers-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(model.loadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("layers-cancel");
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.managedProperty().bind(model.loadingProperty());
        cancel.setOnAction(e -> model.cancel());
        Button read = new Button("Read");
        read.setId("layers-read");
        read.visibleProperty().bind(model.loadingProperty().not().and(model.reportProperty().isNull())
                .and(model.stageProperty().isNotNull()));
        read.managedProperty().bind(read.visibleProperty());
        read.setOnAction(e -> model.reload());
        HBox bar = new HBox(8, new Label("Stage"), stage, progress, cancel, read, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("layers-note");
        note.getStyleClass().add("layers-note");
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox top = new VBox(4, bar, note);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);

        table = new TableView<>(model.layers());
        table.setId("layers-table");
        table.setPlaceholder(new Label("No layers"));
        table.getColumns().add(column("#", 36, r -> String.valueOf(r.index())));
        table.getColumns().add(column("Size", 80, LayerItem::sizeText));
        table.getColumns().add(column("Line", 44, r -> r.line() == null ? "" : r.line().toString()));
        table.getColumns().add(column("Changes", 96, LayerItem::changes));
        table.getColumns().add(column("Instruction", 360, LayerItem::instruction));
        table.setRowFactory(t -> {
            TableRow<LayerItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && row.getItem().line() != null) {
                    goToLine.accept(row.getItem().line());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                model.layerProperty().set(now);
            }
        });
        model.layerProperty().addListener((o, was, now) -> selectLayer(now));
        model.layers().addListener((ListChangeListener<LayerItem>) c -> selectLayer(model.layerProperty().get()));

        ChoiceBox<LayersViewModel.Scope> scope = new ChoiceBox<>();
        scope.setId("layers-scope");
        scope.getItems().setAll(LayersViewModel.Scope.values());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        ChoiceBox<LayersViewModel.Order> order = new ChoiceBox<>();
        order.setId("layers-order");
        order.getItems().setAll(LayersViewModel.Order.values());
        order.valueProperty().bindBidirectional(model.orderProperty());
        TextField filter = new TextField();
        filter.setId("layers-filter");
        filter.setPromptText("Filter by path");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox treeBar = new HBox(6, scope, order, filter);
        treeBar.setAlignment(Pos.CENTER_LEFT);

        tree = new FileTreeTable(FileTreeTable.Kind.LAYERS, model::wastedOf, model::layerText);
        tree.setId("layers-tree");
        model.treeProperty().addListener((o, was, now) -> tree.show(now));
        model.revealProperty().addListener((o, was, path) -> {
            if (path != null) {
                tree.reveal(path);
            }
        });
        VBox right = new VBox(4, treeBar, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        SplitPane body = new SplitPane(table, right);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.42);
        setCenter(body);
        tree.show(model.treeProperty().get()); // made when first shown, maybe after a read
    }

    private void selectLayer(LayerItem item) {
        syncing = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(item);
                table.scrollTo(item);
            }
        } finally {
            syncing = false;
        }
    }

    private static <R> TableColumn<R, String> column(String title, double width, java.util.function.Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    /** The file tree, for tests and the window. */
    FileTreeTable tree() {
        return tree;
    }

    LayersViewModel model() {
        return model;
    }
}
