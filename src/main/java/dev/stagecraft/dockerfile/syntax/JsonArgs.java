package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec (JSON) form of an instruction. BuildKit tries JSON when the arguments start
 * with {@code [}: valid JSON of strings is exec form, valid JSON of anything else is an error,
 * and text that is not valid JSON falls back to shell form.
 */
final class JsonArgs {
    enum Outcome { STRINGS, NOT_STRINGS, NOT_JSON }

    /** A decoded string element and its span (quotes included) in the parsed text. */
    record Element(String value, int start, int end) {
    }

    record Result(Outcome outcome, List<Element> elements, List<Integer> punctuation) {
    }

    private final String s;
    private int i;
    private boolean allStrings = true;
    private final List<Element> elements = new ArrayList<>();
    private final List<Integer> punctuation = new ArrayList<>();

    private JsonArgs(String s) {
        this.s = s;
    }

    static Result parse(String text) {
        JsonArgs p = new JsonArgs(text);
        try {
            p.ws();
            if (p.i >= p.s.length() || p.s.charAt(p.i) != '[') {
                return new Result(Outcome.NOT_JSON, List.of(), List.of());
            }
            p.array(true);
            p.ws();
            if (p.i != p.s.length()) {
                return new Result(Outcome.NOT_JSON, List.of(), List.of());
            }
        } catch (IllegalStateException e) {
            return new Result(Outcome.NOT_JSON, List.of(), List.of());
        }
        return p.allStrings ? new Result(Outcome.STRINGS, p.elements, p.punctuation)
                : new Result(Outcome.NOT_STRINGS, List.of(), List.of());
    }

    private void array(boolean top) {
        if (top) {
            punctuation.add(i);
        }
        i++; // [
        ws();
        if (peek() == ']') {
            if (top) {
                punctuation.add(i);
            }
            i++;
            return;
        }
        while (true) {
            ws();
            value(top);
            ws();
            char c = peek();
            if (top) {
                punctuation.add(i);
            }
            i++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw new IllegalStateException();
            }
        }
    }

    private void value(boolean topElement) {
        char c = peek();
        if (c == '"') {
            int start = i;
            String v = string();
            if (topElement) {
                elements.add(new Element(v, start, i));
            }
            return;
        }
        if (topElement) {
            allStrings = false;
        }
        if (c == '[') {
            array(false);
        } else if (c == '{') {
            object();
        } else if (s.startsWith("true", i)) {
            i += 4;
        } else if (s.startsWith("false", i)) {
            i += 5;
        } else if (s.startsWith("null", i)) {
            i += 4;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            throw new IllegalStateException();
        }
    }

    private void object() {
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw new IllegalStateException();
            }
            string();
            ws();
            if (peek() != ':') {
                throw new IllegalStateException();
            }
            i++;
            ws();
            value(false);
            ws();
            char c = peek();
            i++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw new IllegalStateException();
            }
        }
    }

    private void number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        try {
            Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw new IllegalStateException();
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++; // opening quote
        while (true) {
            char c = peek();
            i++;
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw new IllegalStateException();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = peek();
            i++;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalStateException();
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalStateException();
                    }
                    i += 4;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalStateException();
        }
        return s.charAt(i);
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }
}
