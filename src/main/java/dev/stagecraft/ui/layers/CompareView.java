package dev.stagecraft.ui.layers;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Build ▸ Compare Images…: two sides (a build of the history, or a typed tag or id), the stage to
 * compare, then the size change per stage and per layer and a tree of the paths that were added,
 * removed or modified with their size changes. Wires controls to the {@link CompareViewModel}.
 * FX thread only.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel model;
    private final FileTreeTable tree;

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-view");
        getStylesheets().add(LayersStyles.URI);
        ComboBox<CompareSide> a = side("compare-a", model.aProperty());
        ComboBox<CompareSide> b = side("compare-b", model.bProperty());
        ComboBox<String> stage = new ComboBox<>(model.stageKeys());
        stage.setId("compare-stage");
        stage.valueProperty().bindBidirectional(model.stageProperty());
        stage.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.stageKeys()));
        Button compare = new Button("Compare");
        compare.setId("compare-button");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(model.runningProperty());
        compare.setOnAction(e -> {
            commit(a);
            commit(b);
            model.compare();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(model.statusProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("A (before)"), a);
        form.addRow(1, new Label("B (after)"), b);
        form.addRow(2, new Label("Stage"), stage, compare);
        HBox state = new HBox(8, progress, cancel, status);
        state.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, form, state);
        top.setPadding(new Insets(8));
        setTop(top);

        TableView<CompareViewModel.StageRow> stages = new TableView<>(model.stages());
        stages.setId("compare-stages");
        stages.setPlaceholder(new Label("Two builds compare stage by stage"));
        stages.getColumns().add(column("Stage", 120, CompareViewModel.StageRow::stage));
        stages.getColumns().add(column("A", 80, CompareViewModel.StageRow::a));
        stages.getColumns().add(column("B", 80, CompareViewModel.StageRow::b));
        stages.getColumns().add(column("Change", 90, CompareViewModel.StageRow::change));
        TableView<CompareViewModel.LayerRow> layers = new TableView<>(model.layers());
        layers.setId("compare-layers");
        layers.setPlaceholder(new Label("Layers show here after Compare"));
        layers.getColumns().add(column("#", 36, r -> String.valueOf(r.index())));
        layers.getColumns().add(column("A", 80, CompareViewModel.LayerRow::a));
        layers.getColumns().add(column("B", 80, CompareViewModel.LayerRow::b));
        layers.getColumns().add(column("Change", 90, CompareViewModel.LayerRow::change));
        layers.getColumns().add(column("Instruction", 320, CompareViewModel.LayerRow::instruction));
        SplitPane tables = new SplitPane(stages, layers);
        tables.setDividerPositions(0.35);
        tree = new FileTreeTable(FileTreeTable.Kind.DIFF, null, i -> "");
        tree.setId("compare-tree");
        tree.setPlaceholder(new Label("The paths that differ show here"));
        model.treeProperty().addListener((o, was, now) -> tree.show(now));
        SplitPane body = new SplitPane(tables, tree);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.4);
        VBox.setVgrow(body, Priority.ALWAYS);
        setCenter(body);
    }

    private ComboBox<CompareSide> side(String id, javafx.beans.property.ObjectProperty<CompareSide> value) {
        ComboBox<CompareSide> box = new ComboBox<>(model.choices());
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(420);
        box.setPromptText("a build, or an image tag or id");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompareSide s) {
                return s == null ? "" : s.label();
            }

            @Override
            public CompareSide fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                return model.choices().stream().filter(c -> c.label().equals(text)).findFirst()
                        .orElse(CompareSide.image(text));
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** Takes what was typed in an editable box even if Enter was not pressed. */
    private static void commit(ComboBox<CompareSide> box) {
        String typed = box.getEditor().getText();
        CompareSide now = box.getConverter().fromString(typed);
        if (now != null && (box.getValue() == null || !now.label().equals(box.getValue().label()))) {
            box.setValue(now);
        }
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    public CompareViewModel model() {
        return model;
    }

    FileTreeTable tree() {
        return tree;
    }
}
