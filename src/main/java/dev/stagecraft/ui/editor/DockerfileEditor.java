package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.ui.UiThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
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
 * highlighting from the parser's tokens, underlines with tooltips for the parser's diagnostics
 * and for lint findings by severity, a light bulb in the gutter, completion (Ctrl+Space) and a
 * find/replace bar. It shows a graph and findings it is given ({@link #show},
 * {@link #showFindings}); it does not parse, lint or own the document. Findings are drawn only
 * over the text they were found in: findings of an older text wait (the ones drawn move with the
 * text) until those of the current text come. Every edit goes through the area so its undo
 * manager sees it. FX thread only.
 */
public final class DockerfileEditor extends BorderPane {
    private final CodeArea area = new CodeArea();
    private final FindReplaceBar findBar;
    private final CompletionPopup completion;
    /** Made when first shown: a tooltip is a popup window, dear to make with the window. */
    private Tooltip problemTip;
    private final IncrementalStyler styler = new IncrementalStyler(area);
    private final ReadOnlyObjectWrapper<Integer> bulbLine = new ReadOnlyObjectWrapper<>(this, "bulbLine", -1);
    private List<Diagnostic> diagnostics = List.of();
    /** The tree last styled from {@link #show}: the text the area shows. */
    private Dockerfile shownTree;
    /** The latest findings given, and the tree they were found in. */
    private Dockerfile findingsTree;
    private List<Finding> findings = List.of();
    private BiConsumer<Integer, Node> onBulb = (line, node) -> { };
    /** A batch of underlines is due in a later event. */
    private boolean drawing;

    public DockerfileEditor(Supplier<StageGraph> graph) {
        getStyleClass().add("dockerfile-editor");
        area.getStyleClass().add("dockerfile-area");
        area.setParagraphGraphicFactory(new LineNumbers(area, bulbLine, (line, node) -> onBulb.accept(line, node)));
        new CurrentLine(area);
        area.setWrapText(false);
        findBar = new FindReplaceBar(area, this::setTop);
        completion = new CompletionPopup(area, graph);
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
        shownTree = graph.tree();
        drawn(styler.apply(shownTree, Underline.ofDiagnostics(diagnostics),
                findingsTree == shownTree ? Underline.ofFindings(findings) : null));
    }

    /**
     * Whether a batch of underlines or highlighting is still to be drawn (a big change, or a big
     * text's first styling, is drawn over several events).
     */
    public boolean drawingUnderlines() {
        return drawing;
    }

    /** When the styler drew only a batch of the underlines, draws the next in a later event (the window stays live). */
    private void drawn(boolean more) {
        if (more && !drawing) {
            drawing = true;
            UiThread.later(() -> {
                drawing = false;
                if (shownTree != null && shownTree.source().length() == area.getLength()) {
                    drawn(styler.apply(shownTree, Underline.ofDiagnostics(diagnostics),
                            findingsTree == shownTree ? Underline.ofFindings(findings) : null));
                }
            });
        }
    }

    /**
     * Underlines {@code found} (lint findings of the text {@code tree}): now if that is the text
     * shown, else when {@link #show} shows that tree; findings of an older text are never drawn.
     */
    public void showFindings(Dockerfile tree, List<Finding> found) {
        findingsTree = tree;
        findings = List.copyOf(found);
        if (tree == shownTree && tree.source().length() == area.getLength()) {
            drawn(styler.apply(shownTree, Underline.ofDiagnostics(diagnostics), Underline.ofFindings(findings)));
        }
    }

    /** The findings of the text shown now that cover {@code offset} (empty while they are being found). */
    public List<Finding> findingsAt(int offset) {
        List<Finding> out = new ArrayList<>();
        if (findingsTree != shownTree || shownTree == null) {
            return out;
        }
        for (Finding f : findings) {
            int start = f.range().start();
            if (start <= offset && offset < Math.max(f.range().end(), start + 1)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The underlines of findings drawn now, in the area's offsets (they follow edits until new findings come). */
    public List<Underline> findingUnderlines() {
        return styler.findings();
    }

    /** Shows the light bulb in the gutter of paragraph {@code line} (0-based); -1 hides it. */
    public void setBulbLine(int line) {
        if (bulbLine.get() != line) {
            bulbLine.set(line);
        }
    }

    public ReadOnlyObjectProperty<Integer> bulbLineProperty() {
        return bulbLine.getReadOnlyProperty();
    }

    /** What a click on the light bulb does: gets the bulb's paragraph and the node to anchor a menu to. */
    public void setOnBulb(BiConsumer<Integer, Node> handler) {
        onBulb = handler == null ? (line, node) -> { } : handler;
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
            String tip = tooltipAt(e.getCharacterIndex());
            if (tip != null) {
                if (problemTip == null) {
                    problemTip = new Tooltip();
                }
                problemTip.setText(tip);
                problemTip.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> {
            if (problemTip != null) {
                problemTip.hide();
            }
        });
    }

    /** What the tooltip says at {@code offset}: each diagnostic and finding there on a line, or null when none. */
    public String tooltipAt(int offset) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.range().start() <= offset && offset < Math.max(d.range().end(), d.range().start() + 1)) {
                lines.add(d.severity().label() + ": " + d.message());
            }
        }
        for (Finding f : findingsAt(offset)) {
            lines.add(f.rule().id() + " (" + f.severity().label() + "): " + f.message()
                    + (f.fixable() ? "  — Ctrl+. to fix" : ""));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
