package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.edit.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * Applies computed edits (a graph gesture's plan, Replace All) to the editor as ONE change:
 * a single multi-change, with {@code preventMerge()} before and after so it is exactly one undo
 * step and never merges with typing or with the next gesture. FX thread only.
 */
public final class EditorEdits {
    private EditorEdits() {
    }

    /** Applies {@code edits} (offsets into the area's current text, non-overlapping). */
    public static void apply(CodeArea area, List<TextEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        List<TextEdit> descending = new ArrayList<>(edits);
        descending.sort(Comparator.comparingInt(TextEdit::start).reversed());
        area.getUndoManager().preventMerge();
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(descending.size());
        for (TextEdit e : descending) {
            change.replaceText(e.start(), e.end(), e.replacement());
        }
        change.commit();
        area.getUndoManager().preventMerge();
    }
}
