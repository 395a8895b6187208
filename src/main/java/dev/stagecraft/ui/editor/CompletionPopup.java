package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.fxmisc.richtext.CodeArea;

/**
 * The completion menu at the caret: the candidates of {@link Completion#at}; choosing one
 * replaces the typed prefix (keywords get a trailing space). FX thread only.
 */
public final class CompletionPopup {
    private final CodeArea area;
    private final Supplier<StageGraph> graph;
    private final ContextMenu menu = new ContextMenu();

    CompletionPopup(CodeArea area, Supplier<StageGraph> graph) {
        this.area = area;
        this.graph = graph;
        menu.getStyleClass().add("completion-menu");
    }

    /** Shows the candidates for the caret; does nothing when there are none. */
    public void show() {
        int caret = area.getCaretPosition();
        Completion c = Completion.at(area.getText(), caret, graph.get());
        menu.hide();
        menu.getItems().clear();
        if (c.isEmpty()) {
            return;
        }
        boolean keyword = dev.stagecraft.dockerfile.syntax.Instruction.KEYWORDS.containsAll(c.candidates());
        for (String candidate : c.candidates()) {
            MenuItem item = new MenuItem(candidate);
            String insert = keyword ? candidate + " " : candidate;
            item.setOnAction(e -> area.replaceText(c.replaceStart(), caret, insert));
            menu.getItems().add(item);
        }
        Bounds b = area.getCaretBounds().orElse(null);
        if (b != null) {
            menu.show(area, b.getMinX(), b.getMaxY());
        } else {
            menu.show(area, javafx.geometry.Side.TOP, 0, 0);
        }
    }

    public boolean isShowing() {
        return menu.isShowing();
    }

    public ContextMenu menu() {
        return menu;
    }
}
