package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Rule;
import dev.stagecraft.lint.RuleReference;
import dev.stagecraft.lint.Rules;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help on a rule: its id, name, severity and origin, the paragraph explaining it, a bad and a
 * good example, and which profiles run it (what {@code stagecraft lint --explain ID} prints, laid
 * out). One window, not modal, so the user can read it beside the text; a rule chooser at the top
 * switches to any other rule. FX thread only.
 */
public final class RuleHelp {
    private final Stage stage = new Stage();
    private final ComboBox<Rule> rules = new ComboBox<>();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label explanation = new Label();
    private final TextArea bad = code("rule-bad");
    private final TextArea good = code("rule-good");
    private final Label notes = new Label();

    public RuleHelp(Window owner, List<String> stylesheets) {
        stage.initOwner(owner);
        stage.setTitle("Explain Rule");
        rules.setId("rule-chooser");
        rules.getItems().setAll(Rules.all());
        rules.setVisibleRowCount(20);
        rules.setCellFactory(v -> cell());
        rules.setButtonCell(cell());
        rules.valueProperty().addListener((o, a, r) -> fill(r));
        title.setId("rule-title");
        title.getStyleClass().add("rule-title");
        meta.getStyleClass().add("rule-meta");
        explanation.setId("rule-explanation");
        explanation.setWrapText(true);
        notes.setId("rule-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add("rule-meta");
        VBox body = new VBox(8, rules, title, meta, explanation, new Label("Bad:"), bad, new Label("Good:"), good, notes);
        body.getStyleClass().add("rule-help");
        body.setPadding(new javafx.geometry.Insets(12));
        body.setPrefWidth(620);
        explanation.setMaxWidth(596);
        notes.setMaxWidth(596);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 640, 560);
        scene.getStylesheets().addAll(stylesheets);
        scene.getStylesheets().add(RuleHelp.class.getResource("/dev/stagecraft/ui/lint/lint.css").toExternalForm());
        stage.setScene(scene);
    }

    /** Shows the help on {@code rule} (the window comes to the front if it is open). */
    public void show(Rule rule) {
        rules.setValue(rule);
        fill(rule);
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void fill(Rule r) {
        if (r == null) {
            return;
        }
        title.setText(r.id() + " \u2014 " + r.name());
        meta.setText(r.severity().label() + ", " + origin(r));
        explanation.setText(r.explanation());
        bad.setText(r.bad());
        bad.setPrefRowCount(Math.max(2, (int) r.bad().lines().count()));
        good.setText(r.good());
        good.setPrefRowCount(Math.max(2, (int) r.good().lines().count()));
        notes.setText(tail(RuleReference.explain(r)));
    }

    /** The lines after the examples in {@code --explain}'s text: profiles, what it refines, the reference. */
    private static String tail(String explained) {
        int at = explained.lastIndexOf("\nProfiles: ");
        return at < 0 ? "" : explained.substring(at + 1).strip();
    }

    private static String origin(Rule r) {
        switch (r.origin()) {
            case HADOLINT:
                return "a hadolint rule";
            case BUILDKIT:
                return "a BuildKit build check";
            default:
                return "a Stagecraft rule";
        }
    }

    private static TextArea code(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(false);
        t.getStyleClass().add("rule-example");
        return t;
    }

    private static ListCell<Rule> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Rule r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.id() + " \u2014 " + r.name());
            }
        };
    }
}
