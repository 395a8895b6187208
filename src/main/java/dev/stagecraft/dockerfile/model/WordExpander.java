package dev.stagecraft.dockerfile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expands one word the way BuildKit's shell lexer ({@code frontend/dockerfile/shell/lex.go}) does
 * for FROM and {@code --from} values and ARG defaults: quotes removed, the escape character
 * escapes, {@code $X}, {@code ${X}}, {@code ${X:-d}}, {@code ${X-d}}, {@code ${X:+a}},
 * {@code ${X+a}}, {@code ${X:?m}}, {@code ${X#p}}, {@code ${X%s}} (patterns compared literally).
 * An unset variable expands to nothing.
 *
 * <p>BuildKit reads a modifier's word ({@code d} in {@code ${X:-d}}) with the same lexer, up to
 * the first {@code }} that is not quoted or escaped, so nesting is unlimited there (its Go
 * stacks grow). Here the nesting lives in an explicit stack, not in Java's call stack, so any
 * depth the input brings is read in one pass. Where BuildKit stops with a syntax error
 * (a {@code ${} never closed, a bad modifier) this keeps going with a best guess: an unclosed
 * {@code ${} stays as written.
 *
 * <p>Output is bounded: ARG values built from other ARGs can grow exponentially
 * ({@code ARG B=$A$A$A...}), so an expander has a budget of characters that substitutions (values
 * and modifier results) may produce over its life ({@link #DEFAULT_BUDGET}); past it, words are
 * returned unexpanded and
 * {@link #exhausted()} says so, so the caller can report it once. One expander per graph build:
 * not thread-safe (the budget is shared state).
 */
public final class WordExpander {
    /** Characters substitutions may produce in total: far above any real Dockerfile's needs. */
    public static final long DEFAULT_BUDGET = 16L << 20;

    private final Function<String, String> lookup;
    private final char escape;
    private final Budget budget;

    /** Characters left to produce, shared by the expanders of one graph build. */
    private static final class Budget {
        long left;
        boolean exhausted;

        Budget(long left) {
            this.left = left;
        }
    }

    public WordExpander(Map<String, String> values, char escape) {
        this(values::get, escape);
    }

    public WordExpander(Function<String, String> lookup, char escape) {
        this(lookup, escape, new Budget(DEFAULT_BUDGET));
    }

    private WordExpander(Function<String, String> lookup, char escape, Budget budget) {
        this.lookup = lookup;
        this.escape = escape;
        this.budget = budget;
    }

    /** An expander with other variables that draws on the same budget. */
    public WordExpander withLookup(Function<String, String> otherLookup) {
        return new WordExpander(otherLookup, escape, budget);
    }

    /** Whether some word was left unexpanded because the budget ran out. */
    public boolean exhausted() {
        return budget.exhausted;
    }

    public String expand(String word) {
        if (word.indexOf('$') < 0 && word.indexOf('\'') < 0 && word.indexOf('"') < 0
                && word.indexOf(escape) < 0) {
            return word; // nothing to do: the common case for image names
        }
        if (budget.exhausted) {
            return word;
        }
        String out = new Run(word).run();
        if (out == null) {
            budget.exhausted = true;
            return word;
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** BuildKit's special parameters: {@code $@ $* $# $? $- $$ $! $0}. */
    private static boolean isSpecialParam(char c) {
        return "@*#?-$!0".indexOf(c) >= 0;
    }

    /** What a frame is reading: the word itself, a double-quoted part, or a modifier's word. */
    private enum Kind { WORD, QUOTED, MODIFIER }

    /**
     * One level of nesting. A QUOTED frame writes into its parent's buffer; a MODIFIER frame
     * collects its word in its own buffer until its {@code }}.
     */
    private static final class Frame {
        final Kind kind;
        final StringBuilder out;
        final String name;
        final String op;
        final int dollar;

        Frame(Kind kind, StringBuilder out, String name, String op, int dollar) {
            this.kind = kind;
            this.out = out;
            this.name = name;
            this.op = op;
            this.dollar = dollar;
        }
    }

    /** One expansion of one word. */
    private final class Run {
        private final String w;
        private final int n;
        private final List<Frame> stack = new ArrayList<>();
        private int i;

        Run(String word) {
            this.w = word;
            this.n = word.length();
        }

        /** The expansion, or null when the budget ran out. */
        String run() {
            stack.add(new Frame(Kind.WORD, new StringBuilder(Math.min(n, 256)), null, null, -1));
            while (i < n) {
                Frame f = stack.get(stack.size() - 1);
                char c = w.charAt(i);
                boolean ok = f.kind == Kind.QUOTED ? quoted(f, c) : unquoted(f, c);
                if (!ok) {
                    return null;
                }
            }
            return endOfWord();
        }

        /** processStopOn: outside double quotes, in the word or in a modifier's word. */
        private boolean unquoted(Frame f, char c) {
            if (f.kind == Kind.MODIFIER && c == '}') {
                i++;
                stack.remove(stack.size() - 1);
                return emit(stack.get(stack.size() - 1).out, apply(f));
            }
            if (c == '$') {
                return dollar(f);
            }
            if (c == '\'') {
                int close = w.indexOf('\'', i + 1);
                int end = close < 0 ? n : close; // unterminated: BuildKit fails; keep the rest
                String literal = w.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
                f.out.append(literal);
                return true;
            }
            if (c == '"') {
                i++;
                stack.add(new Frame(Kind.QUOTED, f.out, null, null, -1));
                return true;
            }
            if (c == escape) {
                i++;
                if (i < n) {
                    f.out.append(w.charAt(i++)); // escapes anything; at the end it is dropped
                }
                return true;
            }
            f.out.append(c);
            i++;
            return true;
        }

        /** processDoubleQuote: {@code $} expands, the escape character escapes {@code " $} and itself. */
        private boolean quoted(Frame f, char c) {
            if (c == '"') {
                i++;
                stack.remove(stack.size() - 1);
                return true;
            }
            if (c == '$') {
                return dollar(f);
            }
            if (c == escape && i + 1 < n) {
                char next = w.charAt(i + 1);
                if (next == '"' || next == '$' || next == escape) {
                    f.out.append(next);
                    i += 2;
                    return true;
                }
            } else if (c == escape) {
                i++; // an escape at the end of the word is dropped
                return true;
            }
            f.out.append(c);
            i++;
            return true;
        }

        /** processDollar, with {@code i} on the {@code $}. */
        private boolean dollar(Frame f) {
            int at = i;
            int j = i + 1;
            if (j >= n || w.charAt(j) != '{') {
                int end = nameEnd(j);
                if (end == j) {
                    f.out.append('$');
                    i = j;
                    return true;
                }
                i = end;
                return emit(f.out, lookup.apply(w.substring(j, end)));
            }
            j++; // past {
            int end = nameEnd(j);
            String name = w.substring(j, end);
            if (end >= n) {
                // ${ never closed: BuildKit says "missing '}'"; endOfWord keeps it as written
                stack.add(new Frame(Kind.MODIFIER, new StringBuilder(), name, "", at));
                i = n;
                return true;
            }
            char c = w.charAt(end);
            if (c == '}') {
                i = end + 1;
                return emit(f.out, lookup.apply(name));
            }
            String op;
            int word;
            if (c == ':' && end + 1 < n && "-+?".indexOf(w.charAt(end + 1)) >= 0) {
                op = w.substring(end, end + 2);
                word = end + 2;
            } else if ("-+?#%".indexOf(c) >= 0) {
                op = String.valueOf(c);
                word = end + 1;
            } else {
                op = ""; // a modifier BuildKit refuses (":#", "/", ...): the variable's value, word read and dropped
                word = c == ':' ? Math.min(n, end + 2) : end + 1;
            }
            stack.add(new Frame(Kind.MODIFIER, new StringBuilder(), name, op, at));
            i = word;
            return true;
        }

        /** End of a name: digits only if it starts with one, one special parameter, else letters, digits and _. */
        private int nameEnd(int j) {
            if (j >= n) {
                return j;
            }
            char first = w.charAt(j);
            if (Character.isDigit(first)) {
                int k = j;
                while (k < n && Character.isDigit(w.charAt(k))) {
                    k++;
                }
                return k;
            }
            if (isSpecialParam(first)) {
                return j + 1;
            }
            int k = j;
            while (k < n && isNameChar(w.charAt(k))) {
                k++;
            }
            return k;
        }

        /** The value of {@code ${name<op>word}} once its word is read. */
        private String apply(Frame f) {
            String value = lookup.apply(f.name);
            String word = f.out.toString();
            switch (f.op) {
                case ":-":
                    return value == null || value.isEmpty() ? word : value;
                case "-":
                    return value == null ? word : value;
                case ":+":
                    return value != null && !value.isEmpty() ? word : "";
                case "+":
                    return value != null ? word : "";
                case "#": {
                    String v = value == null ? "" : value;
                    String p = word.startsWith("#") ? word.substring(1) : word; // ## as # : literal patterns
                    return v.startsWith(p) ? v.substring(p.length()) : v;
                }
                case "%": {
                    String v = value == null ? "" : value;
                    String s = word.startsWith("%") ? word.substring(1) : word;
                    return v.endsWith(s) ? v.substring(0, v.length() - s.length()) : v;
                }
                default: // ? and :? (BuildKit fails when unset), and modifiers it refuses
                    return value == null ? "" : value;
            }
        }

        /**
         * At the end of the word: double quotes left open just end; a {@code ${} left open keeps
         * the text from its {@code $} on as written, appended where that {@code $} was read.
         */
        private String endOfWord() {
            for (int k = 0; k < stack.size(); k++) {
                Frame f = stack.get(k);
                if (f.kind == Kind.MODIFIER) {
                    StringBuilder into = stack.get(k - 1).out;
                    return emit(into, w.substring(f.dollar)) ? stack.get(0).out.toString() : null;
                }
            }
            return stack.get(0).out.toString();
        }

        private boolean emit(StringBuilder out, String value) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            if (!spend(value.length())) {
                return false;
            }
            out.append(value);
            return true;
        }

        private boolean spend(long chars) {
            budget.left -= chars;
            return budget.left >= 0;
        }
    }
}
