package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.stagecraft.ui.UiThread;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The small dialogs behind graph gestures: name and base of a new stage, a new name, delete
 * with dependents, the paths of a connecting COPY, a new base. Each returns empty when the user
 * cancels. Modal; FX thread only.
 */
public final class StageDialogs {
    /** Confirms a delete whose stage others use: remove the references too. */
    public static final ButtonType DELETE_WITH_REFERENCES =
            new ButtonType("Delete and remove references", ButtonBar.ButtonData.OK_DONE);

    private final Window owner;

    public StageDialogs(Window owner) {
        this.owner = owner;
    }

    public record NewStage(String name, String base) {
    }

    public record CopyPaths(String source, String destination, String sourceName) {
    }

    public Optional<NewStage> addStage(StageGraph g) {
        Dialog<ButtonType> d = dialog("Add stage", "A new stage builds on an image or on an existing stage.");
        TextField name = field("stage-name-field", "name (optional)");
        ComboBox<String> base = stageOrImage(g, "stage-base-field", "");
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Base"), base);
        d.getDialogPane().setContent(grid);
        focusLater(name);
        return d.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new NewStage(blankToNull(name.getText()), text(base)))
                .filter(s -> !s.base().isBlank());
    }

    public Optional<String> name(String title, String header, String initial) {
        Dialog<ButtonType> d = dialog(title, header);
        TextField name = field("stage-name-field", "stage name");
        name.setText(initial == null ? "" : initial);
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), name);
        d.getDialogPane().setContent(grid);
        focusLater(name);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> name.getText().strip()).filter(s -> !s.isEmpty());
    }

    public Optional<String> base(StageGraph g, Stage stage) {
        Dialog<ButtonType> d = dialog("Change base", "New base of " + stage.displayName() + ": an image or an earlier stage.");
        ComboBox<String> base = stageOrImage(g, "stage-base-field", stage.base());
        GridPane grid = grid();
        grid.addRow(0, new Label("Base"), base);
        d.getDialogPane().setContent(grid);
        focusLater(base.getEditor());
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> text(base)).filter(s -> !s.isBlank());
    }

    /** True when the user agrees to delete the stage and the references listed. */
    public boolean confirmDelete(StageGraph g, Stage stage, List<StageEdge> dependents) {
        String uses = dependents.stream()
                .map(e -> "\u2022 " + g.stages().get(e.to()).displayName() + " (" + e.kind().name().toLowerCase()
                        + ", line " + e.line() + ")")
                .collect(Collectors.joining("\n"));
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", DELETE_WITH_REFERENCES, ButtonType.CANCEL);
        AppIcons.on(a, owner);
        a.setTitle("Delete stage");
        a.setHeaderText("Other stages use " + stage.displayName() + ":");
        a.setContentText(uses + "\n\nDeleting it also removes these references.");
        return a.showAndWait().filter(b -> b == DELETE_WITH_REFERENCES).isPresent();
    }

    public Optional<CopyPaths> connect(Stage from, Stage to) {
        Dialog<ButtonType> d = dialog("Connect stages",
                "Copy files built in " + from.displayName() + " into " + to.displayName() + ".");
        TextField source = field("source-path-field", "/path/in/" + from.displayName());
        TextField destination = field("destination-field", "/path/in/" + to.displayName());
        GridPane grid = grid();
        grid.addRow(0, new Label("Copy from " + from.displayName()), source);
        grid.addRow(1, new Label("To " + to.displayName()), destination);
        TextField sourceName = field("source-name-field", "leave empty to refer to it as " + from.index());
        if (from.name() == null) {
            grid.addRow(2, new Label("Name " + from.displayName() + " first"), sourceName);
        }
        d.getDialogPane().setContent(grid);
        focusLater(source);
        return d.showAndWait().filter(b -> b == ButtonType.OK)
                .filter(b -> !source.getText().isBlank() && !destination.getText().isBlank())
                .map(b -> new CopyPaths(source.getText().strip(), destination.getText().strip(),
                        blankToNull(sourceName.getText())));
    }

    public void refused(String what, String message) {
        Alert a = new Alert(Alert.AlertType.WARNING, message, ButtonType.OK);
        AppIcons.on(a, owner);
        a.setTitle(what);
        a.setHeaderText("The text was not changed");
        a.showAndWait();
    }

    private Dialog<ButtonType> dialog(String title, String header) {
        Dialog<ButtonType> d = new Dialog<>();
        AppIcons.on(d, owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().getStyleClass().add("stage-dialog");
        return d;
    }

    private static ComboBox<String> stageOrImage(StageGraph g, String id, String initial) {
        ComboBox<String> base = new ComboBox<>();
        base.setId(id);
        base.setEditable(true);
        base.setPromptText("image (debian:bookworm) or stage");
        g.stages().stream().filter(s -> s.name() != null).map(Stage::name).distinct().forEach(base.getItems()::add);
        base.getEditor().setText(initial);
        base.setPrefWidth(280);
        return base;
    }

    private static String text(ComboBox<String> box) {
        return box.getEditor().getText().strip();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        return f;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    private static void focusLater(javafx.scene.Node n) {
        UiThread.later(n::requestFocus);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
