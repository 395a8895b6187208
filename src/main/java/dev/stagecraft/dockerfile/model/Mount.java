package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code RUN --mount=...} flag read as BuildKit reads it (comma-separated {@code key=value}
 * fields, CSV quoting). {@code fromRange} locates the {@code from=} value in the text (null if
 * absent or split by a line continuation). Immutable.
 */
public record Mount(String type, String from, String source, String target, Map<String, String> fields,
                    TextRange fromRange) {

    public static Mount of(Flag flag, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : splitCsv(flag.value() == null ? "" : flag.value())) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            fields.put(key, eq < 0 ? "" : field.substring(eq + 1));
        }
        String from = fields.get("from");
        TextRange fromRange = null;
        if (from != null && flag.valueRange() != null) {
            fromRange = locate(flag.valueRange(), text, from);
        }
        return new Mount(fields.getOrDefault("type", "bind"), from, first(fields, "source", "src"),
                first(fields, "target", "dst", "destination"), Map.copyOf(fields), fromRange);
    }

    private static TextRange locate(TextRange valueRange, String text, String from) {
        String raw = text.substring(valueRange.start(), valueRange.end());
        String lower = raw.toLowerCase(Locale.ROOT); // once: a long value with many "xfrom=" stays linear
        int at = lower.length() == raw.length() ? lower.indexOf("from=") : -1;
        while (at > 0 && raw.charAt(at - 1) != ',' && raw.charAt(at - 1) != '"') {
            at = lower.indexOf("from=", at + 1);
        }
        if (at < 0 || !raw.startsWith(from, at + 5)) {
            return null;
        }
        int start = valueRange.start() + at + 5;
        int line = valueRange.line();
        int col = valueRange.column() + at + 5;
        if (raw.substring(0, at).contains("\n")) {
            return null;
        }
        return new TextRange(start, start + from.length(), line, col, line, col + from.length());
    }

    private static String first(Map<String, String> fields, String... keys) {
        for (String k : keys) {
            if (fields.containsKey(k)) {
                return fields.get(k);
            }
        }
        return null;
    }

    /** Go's encoding/csv for one record: commas split, double quotes group, {@code ""} is a quote. */
    static List<String> splitCsv(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !out.isEmpty()) {
            out.add(field.toString());
        }
        return out;
    }
}
