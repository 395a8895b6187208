package dev.stagecraft.engine.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a step printed, for the message of a failed step; splits chunks into lines and
 * keeps a partial last line until its end arrives. Not thread-safe: one per step, on the builder's
 * thread.
 */
final class LogTail {
    static final int LINES = 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    /** Adds a chunk; returns the lines it completed (without their newlines). */
    List<String> add(String chunk) {
        List<String> done = new ArrayList<>();
        partial.append(chunk);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            partial.delete(0, nl + 1);
            keep(line);
            done.add(line);
        }
        return done;
    }

    /** Ends the partial line, if any, and returns it. */
    String flush() {
        if (partial.length() == 0) {
            return null;
        }
        String line = partial.toString();
        partial.setLength(0);
        keep(line);
        return line;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private void keep(String line) {
        lines.addLast(line);
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
    }
}
