package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.NodePosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;

/**
 * A plain list of stages standing in for the graph canvas when it is not available: one row per
 * stage, a context menu for the gestures, positions kept as given. FX thread only.
 */
final class StageListPort implements GraphPort {
    private final ListView<Stage> list = new ListView<>();
    private final Label problem = new Label();
    private final BorderPane root = new BorderPane(list);
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>();
    private Map<String, NodePosition> positions = new LinkedHashMap<>();
    private StageGestures gestures;
    private int target = -1;
    private List<String> shownRows = List.of();

    StageListPort() {
        root.getStyleClass().add("stage-list");
        problem.getStyleClass().add("graph-problem");
        root.setBottom(problem);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Stage s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null
                        : (s.index() == target ? "\u25ce " : "") + s.displayName() + "  \u2190 " + s.base());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> selected.set(s == null ? null : s.index()));
        MenuItem rename = new MenuItem("Rename\u2026");
        rename.setOnAction(e -> withSelected(gestures::rename));
        MenuItem delete = new MenuItem("Delete\u2026");
        delete.setOnAction(e -> withSelected(gestures::delete));
        MenuItem add = new MenuItem("Add stage after\u2026");
        add.setOnAction(e -> gestures.addStage(selected.get()));
        list.setContextMenu(new ContextMenu(add, rename, delete));
    }

    private void withSelected(java.util.function.IntConsumer action) {
        if (selected.get() != null && gestures != null) {
            action.accept(selected.get());
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setGraph(StageGraph graph) {
        List<String> rows = graph.stages().stream().map(s -> s.displayName() + "\u0000" + s.base()).toList();
        if (rows.equals(shownRows)) {
            return; // same names and bases: nothing a user would see changes
        }
        shownRows = rows;
        Integer keep = selected.get();
        list.getItems().setAll(graph.stages());
        if (keep != null && keep < graph.stages().size()) {
            list.getSelectionModel().select(keep.intValue());
        }
    }

    @Override
    public void setProblem(Integer stage, String message) {
        problem.setText(message == null ? "" : message);
    }

    @Override
    public ReadOnlyObjectProperty<Integer> selectedStageProperty() {
        return selected.getReadOnlyProperty();
    }

    @Override
    public void select(Integer stage) {
        if (stage == null) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().select(stage.intValue());
        }
    }

    @Override
    public int nodeCount() {
        return list.getItems().size();
    }

    @Override
    public Map<String, NodePosition> positions() {
        return positions;
    }

    @Override
    public void setPositions(Map<String, NodePosition> p) {
        positions = new LinkedHashMap<>(p);
    }

    @Override
    public void setTarget(int stage) {
        target = stage;
        list.refresh();
    }

    @Override
    public void setGestures(StageGestures g) {
        gestures = g;
    }

    @Override
    public void zoomIn() {
    }

    @Override
    public void zoomOut() {
    }

    @Override
    public void fit() {
    }

    @Override
    public void exportPng(Path file) {
        throw new UnsupportedOperationException("export needs the graph canvas");
    }

    @Override
    public void exportSvg(Path file) {
        throw new UnsupportedOperationException("export needs the graph canvas");
    }
}
