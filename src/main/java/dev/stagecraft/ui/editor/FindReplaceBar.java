package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.edit.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

/**
 * Find and replace over the editor text: plain text, optionally case-sensitive, wrapping.
 * Replace goes through the area (undoable); Replace All is one undo step. Hidden until
 * {@link #showFind} or {@link #showReplace}; Escape hides it. It enters the scene the first time it
 * shows ({@code attach}): two text fields, styled and skinned while hidden, cost the window's launch
 * about 20 ms of the FX thread for a bar most sessions never open. FX thread only.
 */
public final class FindReplaceBar extends VBox {
    private final CodeArea area;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final Label status = new Label();
    private final HBox replaceRow;
    private final java.util.function.Consumer<FindReplaceBar> attach;

    /** {@code attach} puts the bar into the scene; it is called when the bar first shows. */
    FindReplaceBar(CodeArea area, java.util.function.Consumer<FindReplaceBar> attach) {
        this.area = area;
        this.attach = attach;
        getStyleClass().add("find-replace-bar");
        find.setPromptText("Find");
        find.setId("find-field");
        replace.setPromptText("Replace");
        replace.setId("replace-field");
        Button next = button("Next", this::findNext);
        Button previous = button("Previous", this::findPrevious);
        Button close = button("\u2715", this::hide);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox findRow = new HBox(6, find, next, previous, matchCase, status, spacer, close);
        replaceRow = new HBox(6, replace, button("Replace", this::replaceOne), button("Replace All", this::replaceAll));
        findRow.setAlignment(Pos.CENTER_LEFT);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        find.setOnAction(e -> findNext());
        replace.setOnAction(e -> replaceOne());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        hide();
    }

    private static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    public void showFind() {
        show(false);
    }

    public void showReplace() {
        show(true);
    }

    private void show(boolean withReplace) {
        if (getParent() == null) {
            attach.accept(this);
        }
        setVisible(true);
        setManaged(true);
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            find.setText(selected);
        }
        find.requestFocus();
        find.selectAll();
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
        status.setText("");
        area.requestFocus();
    }

    public void findNext() {
        select(indexFrom(area.getSelection().getEnd(), true));
    }

    public void findPrevious() {
        select(indexFrom(area.getSelection().getStart(), false));
    }

    public void replaceOne() {
        String needle = find.getText();
        if (!needle.isEmpty() && matches(area.getSelectedText(), needle)) {
            area.replaceSelection(replace.getText());
        }
        findNext();
    }

    public void replaceAll() {
        String needle = find.getText();
        if (needle.isEmpty()) {
            return;
        }
        String text = haystack(area.getText());
        String n = haystack(needle);
        List<TextEdit> edits = new ArrayList<>();
        for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length())) {
            edits.add(new TextEdit(i, i + n.length(), replace.getText()));
        }
        EditorEdits.apply(area, edits);
        status.setText(edits.size() + " replaced");
    }

    private int indexFrom(int from, boolean forward) {
        String needle = find.getText();
        if (needle.isEmpty()) {
            return -1;
        }
        String text = haystack(area.getText());
        String n = haystack(needle);
        int i = forward ? text.indexOf(n, from) : text.lastIndexOf(n, from - 1);
        if (i < 0) {
            i = forward ? text.indexOf(n) : text.lastIndexOf(n);
        }
        return i;
    }

    private void select(int index) {
        if (index < 0) {
            status.setText("Not found");
            return;
        }
        status.setText("");
        area.selectRange(index, index + find.getText().length());
        area.requestFollowCaret();
    }

    private boolean matches(String selected, String needle) {
        return matchCase.isSelected() ? selected.equals(needle) : selected.equalsIgnoreCase(needle);
    }

    private String haystack(String s) {
        return matchCase.isSelected() ? s : s.toLowerCase(Locale.ROOT);
    }

    public TextField findField() {
        return find;
    }

    public TextField replaceField() {
        return replace;
    }
}
