package dev.stagecraft.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the original line terminators back. The editor only knows {@code \n} (RichTextFX
 * normalises {@code \r\n} and {@code \r}), so on save the lines the user did not touch (the
 * common leading and trailing lines) keep the terminators they had on disk, and new or changed
 * lines get the file's dominant terminator. A file with mixed endings stays mixed. Pure; any thread.
 */
public final class LineEndings {
    private LineEndings() {
    }

    /** The text as the editor shows it: every {@code \r\n} and lone {@code \r} becomes {@code \n}. */
    public static String normalize(String raw) {
        if (raw.indexOf('\r') < 0) {
            return raw;
        }
        return raw.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The terminator most lines of {@code raw} end with: {@code "\r\n"}, a lone {@code "\r"} (old
     * Mac files) or {@code "\n"}; {@code "\n"} on a tie or when there is no line break.
     */
    public static String dominant(String raw) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                lf++;
            } else if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf && cr > crlf ? "\r" : "\n";
    }

    /**
     * The bytes to write for {@code edited} (normalised text) given the file as it was read
     * ({@code original}, raw). Returns {@code original} itself when nothing changed.
     */
    public static String restore(String original, String edited) {
        if (original.indexOf('\r') < 0) {
            return edited;
        }
        List<String[]> old = split(original);
        List<String[]> now = split(edited);
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.get(prefix)[0].equals(now.get(prefix)[0])
                && (prefix == now.size() - 1) == (prefix == old.size() - 1)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix
                && old.get(old.size() - 1 - suffix)[0].equals(now.get(now.size() - 1 - suffix)[0])) {
            suffix++;
        }
        String eol = dominant(original);
        StringBuilder sb = new StringBuilder(edited.length() + now.size());
        for (int i = 0; i < prefix; i++) {
            sb.append(old.get(i)[0]).append(old.get(i)[1]);
        }
        for (int i = prefix; i < now.size() - suffix; i++) {
            boolean last = i == now.size() - 1;
            sb.append(now.get(i)[0]).append(last ? "" : eol);
        }
        for (int i = old.size() - suffix; i < old.size(); i++) {
            sb.append(old.get(i)[0]).append(old.get(i)[1]);
        }
        return sb.toString();
    }

    /** Lines as {content, terminator}; the last line's terminator is empty. */
    private static List<String[]> split(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                lines.add(new String[] {text.substring(start, i), text.substring(i, end)});
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        lines.add(new String[] {text.substring(start), ""});
        return lines;
    }
}
