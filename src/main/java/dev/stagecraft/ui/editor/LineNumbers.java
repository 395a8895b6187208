package dev.stagecraft.ui.editor;

import java.util.function.IntFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;
import org.reactfx.value.Val;

/**
 * The editor's line numbers, right-aligned in a gutter as wide as the largest number. Plain
 * {@link Text} nodes instead of RichTextFX's {@code LineNumberFactory} labels: a label is a
 * control with a skin, and making a screenful of them was a quarter of opening a large file.
 * Every gutter holds an invisible run of eights as wide as the widest number, so all lines agree
 * on the width; it follows the line count only while its line is on screen. Styled by
 * {@code .lineno} (the gutter) and {@code .lineno-number}. FX thread only.
 */
final class LineNumbers implements IntFunction<Node> {
    /** Changes only when the number of digits does: a keystroke must not touch every gutter. */
    private final StringProperty widest = new SimpleStringProperty();
    private final Val<String> shown = Val.wrap(widest);

    LineNumbers(GenericStyledArea<?, ?, ?> area) {
        widest.set(eights(area.getParagraphs().size()));
        area.getParagraphs().addListener((ListChangeListener<Object>) c -> {
            String w = eights(area.getParagraphs().size());
            if (!w.equals(widest.get())) {
                widest.set(w);
            }
        });
    }

    private static String eights(int lines) {
        return "8".repeat(Integer.toString(lines).length());
    }

    @Override
    public Node apply(int paragraph) {
        Text number = new Text(Integer.toString(paragraph + 1));
        number.getStyleClass().add("lineno-number");
        Text room = new Text();
        room.getStyleClass().add("lineno-number");
        room.setVisible(false);
        room.textProperty().bind(shown.conditionOnShowing(room));
        StackPane gutter = new StackPane(room, number);
        gutter.setAlignment(Pos.CENTER_RIGHT);
        gutter.getStyleClass().add("lineno");
        return gutter;
    }
}
