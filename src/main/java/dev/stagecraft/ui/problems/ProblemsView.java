package dev.stagecraft.ui.problems;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Severity;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The Problems tab: every diagnostic of the current text (severity, line, message); a
 * double-click or Enter puts the editor caret on that line. FX thread only.
 */
public final class ProblemsView extends TableView<Diagnostic> {

    public ProblemsView(ObservableList<Diagnostic> problems, IntConsumer goToLine) {
        super(problems);
        getStyleClass().add("problems-view");
        setId("problems");
        setPlaceholder(new Label("No problems"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Diagnostic, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity().label()));
        severity.setPrefWidth(90);
        severity.setMaxWidth(120);
        TableColumn<Diagnostic, Number> line = new TableColumn<>("Line");
        line.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        line.setPrefWidth(60);
        line.setMaxWidth(90);
        TableColumn<Diagnostic, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        getColumns().add(severity);
        getColumns().add(line);
        getColumns().add(message);
        setRowFactory(v -> {
            TableRow<Diagnostic> row = new TableRow<>() {
                @Override
                protected void updateItem(Diagnostic d, boolean empty) {
                    super.updateItem(d, empty);
                    getStyleClass().removeAll("problem-error", "problem-warning");
                    if (!empty && d != null) {
                        getStyleClass().add(d.severity() == Severity.ERROR ? "problem-error" : "problem-warning");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    goToLine.accept(row.getItem().line());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            Diagnostic d = getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && d != null) {
                goToLine.accept(d.line());
            }
        });
    }
}
