package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec (JSON) form of an instruction. BuildKit tries JSON when the arguments start
 * with {@code [}: valid JSON of strings is exec form, valid JSON of anything else is an error,
 * and text that is not valid JSON falls back to shell form.
 *
 * <p>"Valid" is Go's {@code encoding/json}: strict numbers and escapes, and at most
 * {@value #MAX_DEPTH} nested arrays and objects (deeper is "exceeded max depth", so BuildKit runs
 * such a line in shell form; checked against Docker 20.10's BuildKit: 10,000 levels are an
 * array of non-strings, 10,001 run as shell form). Nesting is tracked in an explicit stack,
 * never in Java's call stack.
 */
final class JsonArgs {
    /** Go's encoding/json maxNestingDepth. */
    static final int MAX_DEPTH = 10_000;

    enum Outcome { STRINGS, NOT_STRINGS, NOT_JSON }

    /** A decoded string element and its span (quotes included) in the parsed text. */
    record Element(String value, int start, int end) {
    }

    record Result(Outcome outcome, List<Element> elements, List<Integer> punctuation) {
    }

    private static final Result NOT_JSON = new Result(Outcome.NOT_JSON, List.of(), List.of());

    /** Thrown inside the reader for text that is not JSON; caught in {@link #parse}. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

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
                return NOT_JSON;
            }
            p.value();
            p.ws();
            if (p.i != p.s.length()) {
                return NOT_JSON;
            }
        } catch (Invalid e) {
            return NOT_JSON;
        }
        return p.allStrings ? new Result(Outcome.STRINGS, p.elements, p.punctuation)
                : new Result(Outcome.NOT_STRINGS, List.of(), List.of());
    }

    /**
     * One JSON value starting at {@code i}. Containers open and close on a stack of
     * {@code '['} / {@code '{'}; depth 1 is the top-level array, whose string elements and
     * punctuation are recorded.
     */
    private void value() throws Invalid {
        StringBuilder open = new StringBuilder(); // the containers we are in, innermost last
        while (true) {
            ws();
            char c = peek();
            boolean element = open.length() == 1 && open.charAt(0) == '[';
            // one value: a scalar, or the start of a container
            if (c == '[' || c == '{') {
                if (open.length() > 0 && element) {
                    allStrings = false;
                }
                if (open.length() == MAX_DEPTH) {
                    throw INVALID; // "exceeded max depth"
                }
                if (open.length() == 0) {
                    punctuation.add(i);
                }
                open.append(c);
                i++;
                ws();
                char first = peek();
                if (c == '[' && first == ']' || c == '{' && first == '}') {
                    if (open.length() == 1) {
                        punctuation.add(i);
                    }
                    i++;
                    open.setLength(open.length() - 1);
                } else {
                    if (c == '{') {
                        key();
                    }
                    continue; // read the first element
                }
            } else if (c == '"') {
                int start = i;
                String v = string();
                if (element) {
                    elements.add(new Element(v, start, i));
                }
            } else {
                if (element) {
                    allStrings = false;
                }
                scalar(c);
            }
            // after a value: a comma, or closing brackets
            while (true) {
                if (open.length() == 0) {
                    return;
                }
                ws();
                char inside = open.charAt(open.length() - 1);
                char d = peek();
                if (open.length() == 1) {
                    punctuation.add(i);
                }
                i++;
                if (d == ',') {
                    if (inside == '{') {
                        ws();
                        key();
                    }
                    break; // the next element
                }
                if (inside == '[' && d == ']' || inside == '{' && d == '}') {
                    open.setLength(open.length() - 1);
                    continue;
                }
                throw INVALID;
            }
        }
    }

    /** An object key and its colon. */
    private void key() throws Invalid {
        if (peek() != '"') {
            throw INVALID;
        }
        string();
        ws();
        if (peek() != ':') {
            throw INVALID;
        }
        i++;
    }

    private void scalar(char c) throws Invalid {
        if (s.startsWith("true", i)) {
            i += 4;
        } else if (s.startsWith("false", i)) {
            i += 5;
        } else if (s.startsWith("null", i)) {
            i += 4;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            throw INVALID;
        }
    }

    /** JSON's number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number() throws Invalid {
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else {
            digits();
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            digits();
        }
    }

    /** One or more digits. */
    private void digits() throws Invalid {
        char c = peek();
        if (c < '0' || c > '9') {
            throw INVALID;
        }
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
    }

    private String string() throws Invalid {
        StringBuilder sb = new StringBuilder();
        i++; // opening quote
        while (true) {
            char c = peek();
            i++;
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw INVALID;
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
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = Character.digit(peek(), 16);
                        if (digit < 0 || peek() > 'f') {
                            throw INVALID; // ASCII hex digits only
                        }
                        code = code * 16 + digit;
                        i++;
                    }
                    sb.append((char) code);
                }
                default -> throw INVALID;
            }
        }
    }

    private char peek() throws Invalid {
        if (i >= s.length()) {
            throw INVALID;
        }
        return s.charAt(i);
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }
}
