package dev.stagecraft.ui.editor;

import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;
import org.reactfx.value.Val;

/**
 * The editor's gutter: a light bulb slot, then the line number, right-aligned in a column as wide
 * as the largest number. The bulb shows on the one line {@code bulbLine} names (the caret's,
 * when it has findings) and clicking it asks for that line's fixes. Plain {@link Text} nodes
 * instead of RichTextFX's {@code LineNumberFactory} labels: a label is a control with a skin, and
 * making a screenful of them was a quarter of opening a large file. Every gutter holds an
 * invisible run of eights as wide as the widest number, so all lines agree on the width; it
 * follows the line count only while its line is on screen. Styled by {@code .lineno} (the
 * gutter), {@code .lineno-number} and {@code .fix-bulb}. FX thread only.
 */
final class LineNumbers implements IntFunction<Node> {
    /** A small light bulb, 10 by 14 px. */
    private static final String BULB = "M5 0C2.2 0 0 2.2 0 5c0 1.9 1 3.3 2 4.2V11h6V9.2c1-.9 2-2.3 2-4.2C10 2.2 7.8 0 5 0z"
            + "M2.5 12h5v.8c0 .7-1.1 1.2-2.5 1.2s-2.5-.5-2.5-1.2z";

    /** Changes only when the number of digits does: a keystroke must not touch every gutter. */
    private final StringProperty widest = new SimpleStringProperty();
    private final Val<String> shown = Val.wrap(widest);
    private final Val<Integer> bulbLine;
    private final BiConsumer<Integer, Node> onBulb;

    LineNumbers(GenericStyledArea<?, ?, ?> area) {
        this(area, new javafx.beans.property.SimpleObjectProperty<>(-1), (line, node) -> { });
    }

    /** With a bulb on line {@code bulbLine} (0-based paragraph, -1 for none); a click on it calls {@code onBulb}. */
    LineNumbers(GenericStyledArea<?, ?, ?> area, ObservableValue<Integer> bulbLine, BiConsumer<Integer, Node> onBulb) {
        this.bulbLine = Val.wrap(bulbLine);
        this.onBulb = onBulb;
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
        StackPane digits = new StackPane(room, number);
        digits.setAlignment(Pos.CENTER_RIGHT);
        SVGPath bulb = new SVGPath();
        bulb.setContent(BULB);
        bulb.getStyleClass().add("fix-bulb");
        StackPane slot = new StackPane(bulb);
        slot.getStyleClass().add("fix-bulb-slot");
        slot.setMinWidth(14);
        slot.setPrefWidth(14);
        bulb.visibleProperty().bind(bulbLine.map(l -> l == paragraph).conditionOnShowing(bulb));
        slot.setOnMouseClicked(e -> {
            if (bulb.isVisible()) {
                e.consume();
                onBulb.accept(paragraph, slot);
            }
        });
        HBox gutter = new HBox(2, slot, digits);
        gutter.setAlignment(Pos.CENTER_RIGHT);
        gutter.getStyleClass().add("lineno");
        return gutter;
    }
}
