package dev.stagecraft.ui.graph;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The graph pane's keys: arrows move the selection along edges (left to a source, right to a
 * user) and between the stages of a column (up, down); Enter opens the stage's FROM line, F2
 * renames, Delete deletes (the window asks first), the context-menu key or Shift+F10 opens the
 * stage menu, +, - and 0 zoom and fit, Escape clears the selection; Ctrl+K or typing a name opens
 * Find Stage, a field over the graph that selects the best match as you type (Up/Down: other
 * matches, Enter: done, Escape: back). FX thread only.
 */
final class GraphKeys {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination MENU = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);

    private final GraphView view;
    private final GraphCanvas canvas;
    private final HBox findBar = new HBox(6);
    /** Made when Find Stage first opens: a text field is a dear control to build and style with every pane. */
    private TextField field;
    private Label count;
    private List<Integer> matches = List.of();
    private int current;

    GraphKeys(GraphView view, GraphCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        findBar.setAlignment(Pos.CENTER_LEFT);
        findBar.getStyleClass().add("find-stage");
        findBar.setVisible(false);
        findBar.setManaged(false);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
        view.addEventHandler(KeyEvent.KEY_TYPED, this::typed);
    }

    private void makeField() {
        field = new TextField();
        count = new Label();
        field.setPromptText("Find stage: name or base image");
        field.setPrefColumnCount(18);
        field.getStyleClass().add("find-stage-field");
        count.getStyleClass().add("find-stage-count");
        field.textProperty().addListener((o, a, b) -> search(b));
        field.addEventHandler(KeyEvent.KEY_PRESSED, this::fieldKey);
        findBar.getChildren().setAll(field, count);
    }

    Region findBar() {
        return findBar;
    }

    boolean finding() {
        return findBar.isVisible();
    }

    /** Opens Find Stage with {@code text} typed in it. */
    void openFind(String text) {
        if (field == null) {
            makeField();
        }
        findBar.setVisible(true);
        findBar.setManaged(true);
        field.setText(text);
        field.requestFocus();
        field.end();
        view.requestLayout();
    }

    private void closeFind() {
        findBar.setVisible(false);
        findBar.setManaged(false);
        view.requestFocus();
    }

    private void search(String text) {
        matches = StageSearch.matches(canvas.graph(), text);
        current = 0;
        showMatch();
    }

    private void showMatch() {
        if (matches.isEmpty()) {
            count.setText(field.getText().isBlank() ? "" : "no stage");
            return;
        }
        count.setText((current + 1) + " of " + matches.size());
        view.select(matches.get(current));
        view.reveal(matches.get(current));
    }

    private void fieldKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER) {
            closeFind();
            e.consume();
        } else if ((e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) && !matches.isEmpty()) {
            current = Math.floorMod(current + (e.getCode() == KeyCode.DOWN ? 1 : -1), matches.size());
            showMatch();
            e.consume();
        }
    }

    private void pressed(KeyEvent e) {
        if (e.getTarget() == field) {
            return;
        }
        Integer sel = view.selectedStageProperty().get();
        boolean handled = true;
        if (FIND.match(e)) {
            openFind("");
        } else if (MENU.match(e) || e.getCode() == KeyCode.CONTEXT_MENU) {
            if (sel != null) {
                view.showStageMenu(sel);
            }
        } else if (e.isShortcutDown() || e.isAltDown()) {
            handled = false; // the window's shortcuts
        } else {
            switch (e.getCode()) {
                case LEFT, RIGHT, UP, DOWN, KP_LEFT, KP_RIGHT, KP_UP, KP_DOWN -> move(e.getCode());
                case ENTER -> fire(sel, new GraphGesture.Open(sel == null ? -1 : sel));
                case F2 -> fire(sel, new GraphGesture.Rename(sel == null ? -1 : sel));
                case DELETE -> fire(sel, new GraphGesture.Delete(sel == null ? -1 : sel));
                case PLUS, ADD, EQUALS -> view.zoomIn();
                case MINUS, SUBTRACT -> view.zoomOut();
                case DIGIT0, NUMPAD0 -> view.fit();
                case ESCAPE -> view.select(null);
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    private void fire(Integer sel, GraphGesture gesture) {
        if (sel != null) {
            view.fire(gesture);
        }
    }

    /** Typing a name's first character on the graph opens Find Stage with it. */
    private void typed(KeyEvent e) {
        String c = e.getCharacter();
        if (e.getTarget() == field || e.isShortcutDown() || e.isAltDown() || c.length() != 1) {
            return;
        }
        char ch = c.charAt(0);
        if (Character.isLetterOrDigit(ch) && ch != '0' || ch == '_' || ch == '#') {
            openFind(c);
            e.consume();
        }
    }

    private void move(KeyCode code) {
        Integer sel = view.selectedStageProperty().get();
        Integer next = sel == null ? view.defaultSelection() : GraphNavigation.next(canvas, sel, code);
        if (next != null) {
            view.select(next);
            view.reveal(next);
        }
    }
}
