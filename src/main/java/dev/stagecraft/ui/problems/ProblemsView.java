package dev.stagecraft.ui.problems;

import dev.stagecraft.lint.Severity;
import dev.stagecraft.ui.Tips;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * The Problems tab: every parser diagnostic and lint finding of the current text, one row each
 * (severity, rule, stage, line, message), sortable by any column, filtered by severity (a toggle
 * per level, with its count) and by rule. A double-click or Enter opens a row (the editor caret
 * goes to its line); the context menu lists what can be done with it (fixes, ignore, explain:
 * {@link #setRowMenu}). The list shown is {@link #problems()}; it is replaced only when a row
 * changed. FX thread only.
 */
public final class ProblemsView extends BorderPane {
    /** What the rule filter shows to mean "no filter". */
    public static final String ALL_RULES = "All rules";

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final FilteredList<Problem> filtered = new FilteredList<>(problems);
    private final TableView<Problem> table;
    private final Map<Severity, ToggleButton> severityToggles = new EnumMap<>(Severity.class);
    /** A choice box, not a combo box: a combo box builds and styles its drop-down list with the window. */
    private final ChoiceBox<String> ruleFilter = new ChoiceBox<>();
    private final Label shown = new Label();
    private final ToolBar bar = new ToolBar();
    private final Consumer<Problem> open;
    private Function<Problem, List<MenuItem>> rowMenu = p -> List.of();
    private ContextMenu menu;

    /** {@code open} puts the editor on a row's place. */
    public ProblemsView(Consumer<Problem> open) {
        this.open = open;
        getStyleClass().add("problems-view");
        getStylesheets().add(ProblemsView.class.getResource("/dev/stagecraft/ui/lint/lint.css").toExternalForm());
        setId("problems");
        SortedList<Problem> sorted = new SortedList<>(filtered);
        table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("problems-table");
        table.setPlaceholder(new Label("No problems"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(severityColumn(), ruleColumn(), stageColumn(), lineColumn(), messageColumn()));
        table.setRowFactory(v -> row());
        table.setOnKeyPressed(e -> {
            Problem p = selected();
            if (e.getCode() == KeyCode.ENTER && p != null) {
                open.accept(p);
                e.consume();
            }
        });
        table.setOnContextMenuRequested(e -> {
            Problem p = selected();
            if (p != null) {
                showMenu(p, table, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        setTop(filterBar());
        setCenter(table);
        problems.addListener((ListChangeListener<Problem>) c -> listChanged());
        listChanged();
    }

    /** The rows: replace them with {@link #setProblems}. */
    public ObservableList<Problem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** Shows {@code rows}, unless they are the rows shown already (a redraw costs a frame). */
    public void setProblems(List<Problem> rows) {
        if (!problems.equals(rows)) {
            problems.setAll(rows);
        }
    }

    /** A tab with this view whose title counts the rows ("Problems (12)"). */
    public Tab tab() {
        Tab tab = new Tab("Problems", this);
        tab.setId("problems-tab");
        tab.setClosable(false);
        StringBinding title = Bindings.createStringBinding(
                () -> problems.isEmpty() ? "Problems" : "Problems (" + problems.size() + ")", problems);
        tab.textProperty().bind(title);
        return tab;
    }

    /** What the context menu of a row offers (made when it opens). */
    public void setRowMenu(Function<Problem, List<MenuItem>> items) {
        rowMenu = Objects.requireNonNull(items);
    }

    /** Adds controls (the lint profile, a Help button) at the end of the filter bar. */
    public void addControls(Node... controls) {
        bar.getItems().add(new Separator(javafx.geometry.Orientation.VERTICAL));
        bar.getItems().addAll(controls);
    }

    public TableView<Problem> table() {
        return table;
    }

    /** The selected row, or null. */
    public Problem selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /** The rows that pass the filters, in the order shown. */
    public List<Problem> shownRows() {
        return List.copyOf(table.getItems());
    }

    /** Shows or hides the rows of one severity (as its toggle does). */
    public void showSeverity(Severity s, boolean on) {
        severityToggles.get(s).setSelected(on);
    }

    /** Shows only the rows of rule {@code id} ({@code "parser"} for parser diagnostics), or all with null. */
    public void filterRule(String id) {
        ruleFilter.setValue(id == null ? ALL_RULES : id);
    }

    public ChoiceBox<String> ruleFilter() {
        return ruleFilter;
    }

    public ToggleButton severityToggle(Severity s) {
        return severityToggles.get(s);
    }

    // ---- parts ---------------------------------------------------------------------------------

    private ToolBar filterBar() {
        bar.getStyleClass().add("problems-filters");
        for (Severity s : Severity.values()) {
            ToggleButton t = new ToggleButton();
            t.setId("show-" + s.label());
            t.setSelected(true);
            t.getStyleClass().addAll("severity-toggle", "severity-" + s.label());
            Tips.lazy(t, "Show " + s.label() + " rows");
            t.setFocusTraversable(false);
            t.selectedProperty().addListener((o, a, b) -> refilter());
            severityToggles.put(s, t);
            bar.getItems().add(t);
        }
        ruleFilter.setId("rule-filter");
        ruleFilter.getItems().setAll(ALL_RULES);
        ruleFilter.setValue(ALL_RULES);
        Tips.lazy(ruleFilter, "Show the rows of one rule");
        ruleFilter.valueProperty().addListener((o, a, b) -> refilter());
        shown.getStyleClass().add("problems-shown");
        bar.getItems().addAll(ruleFilter, shown);
        return bar;
    }

    private void listChanged() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        TreeSet<String> rules = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Problem p : problems) {
            counts.merge(p.severity(), 1, Integer::sum);
            rules.add(p.ruleLabel());
        }
        for (Severity s : Severity.values()) {
            String text = capitalised(s) + " " + counts.getOrDefault(s, 0);
            ToggleButton t = severityToggles.get(s);
            if (!text.equals(t.getText())) {
                t.setText(text);
            }
        }
        List<String> items = new ArrayList<>();
        items.add(ALL_RULES);
        items.addAll(rules);
        String chosen = ruleFilter.getValue();
        if (chosen != null && !items.contains(chosen)) {
            items.add(chosen); // the rule chosen stays chosen when its last row goes (the list shows none)
        }
        if (!items.equals(ruleFilter.getItems())) {
            ruleFilter.getItems().setAll(items);
            ruleFilter.setValue(chosen);
        }
        updateShown();
    }

    private void refilter() {
        String rule = ruleFilter.getValue();
        boolean allRules = rule == null || ALL_RULES.equals(rule);
        List<Severity> on = new ArrayList<>();
        severityToggles.forEach((s, t) -> {
            if (t.isSelected()) {
                on.add(s);
            }
        });
        boolean everything = allRules && on.size() == Severity.values().length;
        filtered.setPredicate(everything ? null : p -> on.contains(p.severity()) && (allRules || rule.equals(p.ruleLabel())));
        table.setPlaceholder(new Label(everything ? "No problems" : "No problems match the filter"));
        updateShown();
    }

    private void updateShown() {
        String text = filtered.size() == problems.size() ? "" : filtered.size() + " of " + problems.size() + " shown";
        if (!text.equals(shown.getText())) {
            shown.setText(text);
        }
    }

    private static String capitalised(Severity s) {
        String l = s.label();
        return Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }

    private TableRow<Problem> row() {
        TableRow<Problem> row = new TableRow<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning", "problem-info", "problem-style");
                if (!empty && p != null) {
                    getStyleClass().add("problem-" + p.severity().label());
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty()) {
                open.accept(row.getItem());
            }
        });
        return row;
    }

    private void showMenu(Problem p, Node anchor, double x, double y) {
        if (menu != null) {
            menu.hide();
        }
        List<MenuItem> items = new ArrayList<>();
        MenuItem go = new MenuItem("Go to Line " + p.line());
        go.setDisable(p.line() <= 0);
        go.setOnAction(e -> open.accept(p));
        items.add(go);
        items.addAll(rowMenu.apply(p));
        menu = new ContextMenu(items.toArray(MenuItem[]::new));
        menu.getStyleClass().add("problem-menu");
        if (x < 0) {
            menu.show(anchor, Side.BOTTOM, 0, 0);
        } else {
            menu.show(anchor, x, y);
        }
    }

    /** Opens the context menu of the selected row under it (the keyboard's way to it). */
    public void showMenuForSelection() {
        Problem p = selected();
        if (p != null) {
            showMenu(p, table, -1, -1);
        }
    }

    /** The context menu shown last, or null. */
    public ContextMenu menu() {
        return menu;
    }

    // ---- columns -------------------------------------------------------------------------------

    private static TableColumn<Problem, Severity> severityColumn() {
        TableColumn<Problem, Severity> c = new TableColumn<>("Severity");
        c.setId("severity-column");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().severity()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.label());
            }
        });
        c.setComparator(Comparator.naturalOrder());
        c.setPrefWidth(80);
        c.setMinWidth(70);
        return c;
    }

    private static TableColumn<Problem, String> ruleColumn() {
        TableColumn<Problem, String> c = new TableColumn<>("Rule");
        c.setId("rule-column");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().ruleLabel()));
        c.setComparator(String.CASE_INSENSITIVE_ORDER);
        c.setPrefWidth(170);
        c.setMinWidth(60);
        return c;
    }

    private static TableColumn<Problem, Problem> stageColumn() {
        TableColumn<Problem, Problem> c = new TableColumn<>("Stage");
        c.setId("stage-column");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null || p.stageName() == null ? null : p.stageName());
            }
        });
        c.setComparator(Comparator.comparing(Problem::stage, Comparator.nullsFirst(Comparator.naturalOrder())));
        c.setPrefWidth(110);
        c.setMinWidth(50);
        return c;
    }

    private static TableColumn<Problem, Number> lineColumn() {
        TableColumn<Problem, Number> c = new TableColumn<>("Line");
        c.setId("line-column");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().line()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null || n.intValue() <= 0 ? null : n.toString());
            }
        });
        c.setComparator(Comparator.comparingInt(Number::intValue));
        c.setPrefWidth(60);
        c.setMinWidth(50);
        return c;
    }

    private static TableColumn<Problem, String> messageColumn() {
        TableColumn<Problem, String> c = new TableColumn<>("Message");
        c.setId("message-column");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().message()));
        c.setPrefWidth(600);
        return c;
    }
}
