package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.edit.EditPlan;
import dev.stagecraft.dockerfile.edit.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A mechanical fix for a finding: text edits against the text that was linted, sorted and
 * never overlapping, meant to be applied as one change (one undo step), like a graph gesture's
 * {@link EditPlan}. Immutable.
 */
public record Fix(String title, List<TextEdit> edits) {
    public Fix {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        edits = List.copyOf(sorted);
    }

    public static Fix of(String title, TextEdit... edits) {
        return new Fix(title, List.of(edits));
    }

    /** The edits as an edit plan, the form the editor applies gestures in. */
    public EditPlan plan() {
        return EditPlan.of(title, edits);
    }

    public String applyTo(String text) {
        return EditPlan.apply(text, edits);
    }
}
