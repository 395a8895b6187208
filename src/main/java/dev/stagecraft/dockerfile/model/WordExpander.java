package dev.stagecraft.dockerfile.model;

import java.util.Map;
import java.util.function.Function;

/**
 * Expands one word the way BuildKit's shell lexer does for FROM and {@code --from} values:
 * quotes removed, the escape character escapes, {@code $X}, {@code ${X}}, {@code ${X:-d}},
 * {@code ${X-d}}, {@code ${X:+a}}, {@code ${X+a}}, {@code ${X:?m}}, {@code ${X#p}}, {@code ${X%s}}.
 * An unset variable expands to nothing. Stateless apart from its inputs; thread-safe.
 */
public final class WordExpander {
    private final Function<String, String> lookup;
    private final char escape;

    public WordExpander(Map<String, String> values, char escape) {
        this(values::get, escape);
    }

    public WordExpander(Function<String, String> lookup, char escape) {
        this.lookup = lookup;
        this.escape = escape;
    }

    public String expand(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        int n = word.length();
        while (i < n) {
            char c = word.charAt(i);
            if (c == '\'') {
                int close = word.indexOf('\'', i + 1);
                int end = close < 0 ? n : close;
                out.append(word, i + 1, end);
                i = close < 0 ? n : close + 1;
            } else if (c == '"') {
                i = doubleQuoted(word, i + 1, out);
            } else if (c == escape && i + 1 < n) {
                out.append(word.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = variable(word, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private int doubleQuoted(String word, int i, StringBuilder out) {
        int n = word.length();
        while (i < n) {
            char c = word.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == escape && i + 1 < n && "\"$`\\".indexOf(word.charAt(i + 1)) >= 0) {
                out.append(word.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = variable(word, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return n;
    }

    private int variable(String word, int dollar, StringBuilder out) {
        int n = word.length();
        int i = dollar + 1;
        if (i >= n) {
            out.append('$');
            return i;
        }
        if (word.charAt(i) != '{') {
            int start = i;
            while (i < n && isNameChar(word.charAt(i))) {
                i++;
            }
            if (i == start) {
                out.append('$');
                return start;
            }
            append(out, lookup.apply(word.substring(start, i)));
            return i;
        }
        int close = matchingBrace(word, i);
        if (close < 0) {
            out.append(word, dollar, n); // unterminated ${: keep as written
            return n;
        }
        String inner = word.substring(i + 1, close);
        out.append(substitute(inner));
        return close + 1;
    }

    private String substitute(String inner) {
        int k = 0;
        while (k < inner.length() && isNameChar(inner.charAt(k))) {
            k++;
        }
        String name = inner.substring(0, k);
        String value = lookup.apply(name);
        String op = inner.substring(k);
        if (op.isEmpty()) {
            return value == null ? "" : value;
        }
        if (op.startsWith(":-")) {
            return value == null || value.isEmpty() ? expand(op.substring(2)) : value;
        }
        if (op.startsWith("-")) {
            return value == null ? expand(op.substring(1)) : value;
        }
        if (op.startsWith(":+")) {
            return value != null && !value.isEmpty() ? expand(op.substring(2)) : "";
        }
        if (op.startsWith("+")) {
            return value != null ? expand(op.substring(1)) : "";
        }
        if (op.startsWith(":?") || op.startsWith("?")) {
            return value == null ? "" : value;
        }
        String v = value == null ? "" : value;
        if (op.startsWith("##") || op.startsWith("#")) {
            String p = expand(op.substring(op.startsWith("##") ? 2 : 1));
            return v.startsWith(p) ? v.substring(p.length()) : v;
        }
        if (op.startsWith("%%") || op.startsWith("%")) {
            String s = expand(op.substring(op.startsWith("%%") ? 2 : 1));
            return v.endsWith(s) ? v.substring(0, v.length() - s.length()) : v;
        }
        return v;
    }

    private static int matchingBrace(String word, int open) {
        int depth = 0;
        for (int i = open; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void append(StringBuilder out, String value) {
        if (value != null) {
            out.append(value);
        }
    }
}
