package dev.stagecraft.dockerfile.syntax;

/**
 * A half-open span {@code [start, end)} of the source text (UTF-16 offsets into the decoded
 * text), with the 1-based line and column of its first character and of its end. A range made
 * by {@link LineIndex#range} finds its lines in the index when asked (a 5 MB file has two million
 * ranges, most never asked: this keeps each at 24 bytes); one made with its numbers keeps them.
 * Equal when the offsets and the four numbers are. Immutable; safe to share between threads.
 */
public final class TextRange {
    private final int start;
    private final int end;
    /** The text's {@link LineIndex}, or the four numbers given: line, column, end line, end column. */
    private final Object where;

    public TextRange(int start, int end, int line, int column, int endLine, int endColumn) {
        this(start, end, (Object) new int[] {line, column, endLine, endColumn});
    }

    /** A range whose lines and columns come from {@code lines} when asked. */
    TextRange(int start, int end, LineIndex lines) {
        this(start, end, (Object) lines);
    }

    private TextRange(int start, int end, Object where) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        this.start = start;
        this.end = end;
        this.where = where;
    }

    /** A range of the same text at other offsets (for tokens, which keep only their offsets and this). */
    Object where() {
        return where;
    }

    static TextRange of(int start, int end, Object where) {
        if (where instanceof LineIndex lines) {
            return new TextRange(start, end, lines);
        }
        return new TextRange(start, end, where);
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int line() {
        return where instanceof LineIndex lines ? lines.line(start) : ((int[]) where)[0];
    }

    public int column() {
        return where instanceof LineIndex lines ? lines.column(start) : ((int[]) where)[1];
    }

    public int endLine() {
        if (where instanceof LineIndex lines) {
            return end == start ? lines.line(start) : lines.line(end);
        }
        return ((int[]) where)[2];
    }

    public int endColumn() {
        if (where instanceof LineIndex lines) {
            return end == start ? lines.column(start) : lines.column(end);
        }
        return ((int[]) where)[3];
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
    public boolean equals(Object o) {
        return o instanceof TextRange r && r.start == start && r.end == end && r.line() == line()
                && r.column() == column() && r.endLine() == endLine() && r.endColumn() == endColumn();
    }

    @Override
    public int hashCode() {
        return 31 * start + end;
    }

    @Override
    public String toString() {
        return line() + ":" + column() + "-" + endLine() + ":" + endColumn() + " [" + start + "," + end + ")";
    }
}
