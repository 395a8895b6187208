package dev.stagecraft.dockerfile.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a graph gesture does to the text: edits against one snapshot, sorted ascending and never
 * overlapping (apply them in descending order, or with {@link #applyTo}), or a refusal that says
 * why the text stays untouched. Immutable.
 */
public record EditPlan(String description, List<TextEdit> edits, String refusal) {

    public EditPlan {
        edits = List.copyOf(edits);
    }

    public static EditPlan of(String description, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                throw new IllegalStateException("overlapping edits " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return new EditPlan(description, sorted, null);
    }

    public static EditPlan refused(String message) {
        return new EditPlan(null, List.of(), message);
    }

    public boolean refused() {
        return refusal != null;
    }

    public String applyTo(String text) {
        return apply(text, edits);
    }

    /** Applies sorted, non-overlapping edits to {@code text}. */
    public static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (TextEdit e : edits) {
            sb.append(text, pos, e.start()).append(e.replacement());
            pos = e.end();
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }
}
