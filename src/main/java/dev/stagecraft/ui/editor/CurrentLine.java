package dev.stagecraft.ui.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;

/**
 * Marks the caret's paragraph with the {@code current-line} style class. RichTextFX's own line
 * highlighter re-lays out the viewport on every change (about 5 ms per keystroke on 2,000
 * lines); a paragraph style costs almost nothing. Paragraph styles are not text, so they never
 * reach the undo history. FX thread only.
 */
final class CurrentLine {
    private static final List<String> CURRENT = List.of("current-line");
    private static final List<String> PLAIN = List.of();

    private final CodeArea area;
    private int marked = -1;

    CurrentLine(CodeArea area) {
        this.area = area;
        area.currentParagraphProperty().addListener((o, old, now) -> mark(now));
        area.plainTextChanges().subscribe(c -> {
            // splitting a paragraph copies its style to the new one: clear the neighbours too
            int now = area.getCurrentParagraph();
            clear(now - 1);
            clear(now + 1);
            marked = -1;
            mark(now);
        });
        mark(area.getCurrentParagraph());
    }

    private void mark(int paragraph) {
        if (paragraph == marked) {
            return;
        }
        clear(marked);
        if (paragraph < area.getParagraphs().size()) {
            if (!area.getParagraph(paragraph).getParagraphStyle().equals(CURRENT)) {
                area.setParagraphStyle(paragraph, CURRENT);
            }
            marked = paragraph;
        }
    }

    private void clear(int paragraph) {
        if (paragraph >= 0 && paragraph < area.getParagraphs().size()) {
            Collection<String> style = area.getParagraph(paragraph).getParagraphStyle();
            if (!style.isEmpty()) {
                area.setParagraphStyle(paragraph, PLAIN);
            }
        }
    }
}
