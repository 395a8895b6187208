package dev.stagecraft.dockerfile.edit;

import dev.stagecraft.dockerfile.syntax.TextRange;

/** Replace {@code [start, end)} of a text snapshot with {@code replacement}. Immutable. */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start || replacement == null) {
            throw new IllegalArgumentException("bad edit " + start + ".." + end);
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit replace(TextRange range, String text) {
        return new TextEdit(range.start(), range.end(), text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }
}
