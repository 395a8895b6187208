package dev.stagecraft.dockerfile.syntax;

/**
 * A half-open span {@code [start, end)} of the source text (UTF-16 offsets into the decoded
 * text), with the 1-based line and column of its first character and of its end.
 * Immutable; safe to share between threads.
 */
public record TextRange(int start, int end, int line, int column, int endLine, int endColumn) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** Whether {@code offset} lies in the range or exactly at its end (a caret after the last char). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn + " [" + start + "," + end + ")";
    }
}
