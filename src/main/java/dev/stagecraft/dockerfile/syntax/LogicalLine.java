package dev.stagecraft.dockerfile.syntax;

import java.util.Arrays;

/**
 * An instruction's text with line continuations removed, remembering for each character where
 * it came from in the source, so ranges found in the joined text map back to the file.
 */
final class LogicalLine {
    private final StringBuilder text = new StringBuilder(80);
    private int[] source = new int[80];
    private String cached;

    /** Empties the line for the next instruction, keeping its buffers. */
    void reset() {
        text.setLength(0);
        cached = null;
    }

    void append(String src, int from, int to) {
        cached = null;
        int len = text.length();
        if (len + (to - from) > source.length) {
            source = Arrays.copyOf(source, Math.max(source.length * 2, len + (to - from)));
        }
        text.append(src, from, to);
        for (int i = from; i < to; i++) {
            source[len++] = i;
        }
    }

    String text() {
        String t = cached;
        if (t == null) {
            t = text.toString();
            cached = t;
        }
        return t;
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    /** Source offset of logical character {@code i}. */
    int sourceOf(int i) {
        return source[i];
    }

    /** Source offset just past logical character {@code end - 1}. */
    int sourceEnd(int end) {
        return source[end - 1] + 1;
    }

    /** Whether logical {@code [from, to)} is one contiguous run of source characters. */
    boolean contiguous(int from, int to) {
        return to - from <= 1 || source[to - 1] - source[from] == to - 1 - from;
    }
}
