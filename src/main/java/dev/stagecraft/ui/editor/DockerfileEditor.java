package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The text pane: a RichTextFX {@link CodeArea} with line numbers, current-line highlight,
 * highlighting from the parser's tokens, diagnostic underlines with tooltips, completion
 * (Ctrl+Space) and a find/replace bar. It shows a graph it is given ({@link #show}); it does not
 * parse or own the document. Every edit goes through the area so its undo manager sees it.
 * FX thread only.
 */
public final class DockerfileEditor extends BorderPane {
    private final CodeArea area = new CodeArea();
    private final FindReplaceBar findBar;
    private final CompletionPopup completion;
    private final Tooltip problemTip = new Tooltip();
    private final IncrementalStyler styler = new IncrementalStyler(area);
    private List<Diagnostic> diagnostics = List.of();

    public DockerfileEditor(Supplier<StageGraph> graph) {
        getStyleClass().add("dockerfile-editor");
        area.getStyleClass().add("dockerfile-area");
        area.setParagraphGraphicFactory(new LineNumbers(area));
        new CurrentLine(area);
        area.setWrapText(false);
        findBar = new FindReplaceBar(area);
        completion = new CompletionPopup(area, graph);
        setTop(findBar);
        setCenter(new VirtualizedScrollPane<>(area));
        Nodes.addInputMap(area, InputMap.consume(
                EventPattern.keyPressed(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN)),
                e -> completion.show()));
        installProblemTooltip();
    }

    public CodeArea area() {
        return area;
    }

    public FindReplaceBar findBar() {
        return findBar;
    }

    public CompletionPopup completion() {
        return completion;
    }

    /** Restyles the text from {@code graph}'s tokens and diagnostics (its text must be the area's). */
    public void show(StageGraph graph) {
        diagnostics = graph.diagnostics();
        if (graph.tree().source().length() != area.getLength()) {
            return; // a stale graph: the next change brings the right one
        }
        styler.apply(graph.tree(), diagnostics);
    }

    /** Puts the caret at the start of a 1-based line and scrolls it into view. */
    public void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.requestFollowCaret();
    }

    public void setText(String text) {
        area.replaceText(text);
        styler.reset();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        area.getUndoManager().forgetHistory();
        area.getUndoManager().mark();
    }

    private void installProblemTooltip() {
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int offset = e.getCharacterIndex();
            for (Diagnostic d : diagnostics) {
                if (d.range().start() <= offset && offset < Math.max(d.range().end(), d.range().start() + 1)) {
                    problemTip.setText(d.severity().label() + ": " + d.message());
                    problemTip.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 12);
                    return;
                }
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> problemTip.hide());
    }
}
