package dev.stagecraft.dockerfile.syntax;

import java.util.Arrays;

/**
 * Maps offsets in a text to 1-based lines and columns. Lines end at {@code '\n'}; a {@code '\r'}
 * before it belongs to the line it ends. Immutable once built.
 */
public final class LineIndex {
    private final int[] starts;
    private final int count;
    private final int length;
    /** The line of the last lookup: parsers ask in text order, so it is usually right or next. Races are harmless: it is checked before use. */
    private int hint;

    public LineIndex(CharSequence text) {
        int[] s = new int[64];
        int c = 0;
        s[c++] = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                if (c == s.length) {
                    s = Arrays.copyOf(s, c * 2);
                }
                s[c++] = i + 1;
            }
        }
        this.starts = s;
        this.count = c;
        this.length = n;
    }

    /** Number of lines; a text ending in a newline has an empty last line. */
    public int lineCount() {
        return count;
    }

    /** 1-based line of {@code offset} (an offset at the end of the text is on the last line). */
    public int line(int offset) {
        int h = hint;
        for (int k = h; k < Math.min(count, h + 3); k++) {
            if (starts[k] <= offset && (k + 1 == count || offset < starts[k + 1])) {
                hint = k;
                return k + 1;
            }
        }
        int i = Arrays.binarySearch(starts, 0, count, offset);
        int line = i >= 0 ? i + 1 : -i - 1;
        hint = line - 1;
        return line;
    }

    /** 1-based column of {@code offset}. */
    public int column(int offset) {
        return offset - starts[line(offset) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return starts[Math.max(1, Math.min(line, count)) - 1];
    }

    /** Offset just past the last character of a 1-based line, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int end = line >= count ? length : starts[line] - 1;
        if (end > lineStart(line) && text.charAt(end - 1) == '\r' && end < length) {
            end--;
        }
        return end;
    }

    /** The range {@code [start, end)}; its lines and columns are looked up here when asked. */
    public TextRange range(int start, int end) {
        return new TextRange(start, end, this);
    }
}
