package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.WordScanner;
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

    /**
     * A {@code ${name<op>word}} being read: its word collects in its own buffer until the
     * {@link WordScanner#CLOSE_BRACE} that ends it. Quotes are the scanner's business.
     */
    private static final class Frame {
        final StringBuilder out = new StringBuilder();
        final String name;
        final String op;
        final int dollar;

        Frame(String name, String op, int dollar) {
            this.name = name;
            this.op = op;
            this.dollar = dollar;
        }
    }

    /** One expansion of one word, its quotes and escapes read by {@link WordScanner}. */
    private final class Run {
        private final String w;
        private final int n;
        private final StringBuilder base;
        private final List<Frame> braces = new ArrayList<>();
        private final WordScanner sc;

        Run(String word) {
            this.w = word;
            this.n = word.length();
            this.base = new StringBuilder(Math.min(n, 256));
            this.sc = new WordScanner(escape).reset(word, 0, n);
        }

        /** The expansion, or null when the budget ran out. */
        String run() {
            for (int step = sc.next(); step != WordScanner.END; step = sc.next()) {
                StringBuilder out = out();
                switch (step) {
                    case WordScanner.LITERAL, WordScanner.BLANK -> out.append(w, sc.start(), sc.position());
                    case WordScanner.ESCAPED -> {
                        if (!sc.escapedNothing()) {
                            out.append(sc.value()); // an escape at the end of the word is dropped
                        }
                    }
                    case WordScanner.DOLLAR -> {
                        if (!dollar(out)) {
                            return null;
                        }
                    }
                    case WordScanner.CLOSE_BRACE -> {
                        Frame f = braces.remove(braces.size() - 1);
                        if (!emit(out(), apply(f))) {
                            return null;
                        }
                    }
                    default -> {
                        // quotes open and close: the scanner keeps track, nothing to write
                    }
                }
            }
            return endOfWord();
        }

        /** Where text goes now: the innermost {@code ${…}} word, else the word. */
        private StringBuilder out() {
            return braces.isEmpty() ? base : braces.get(braces.size() - 1).out;
        }

        /** processDollar, the scanner just past the {@code $}. */
        private boolean dollar(StringBuilder out) {
            int at = sc.start();
            int j = at + 1;
            if (j >= n || w.charAt(j) != '{') {
                int end = nameEnd(j);
                if (end == j) {
                    out.append('$');
                    return true;
                }
                sc.skipTo(end);
                return emit(out, lookup.apply(w.substring(j, end)));
            }
            j++; // past {
            int end = nameEnd(j);
            String name = w.substring(j, end);
            if (end >= n) {
                // ${ never closed: BuildKit says "missing '}'"; endOfWord keeps it as written
                braces.add(new Frame(name, "", at));
                sc.openBrace();
                sc.skipTo(n);
                return true;
            }
            char c = w.charAt(end);
            if (c == '}') {
                sc.skipTo(end + 1);
                return emit(out, lookup.apply(name));
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
            braces.add(new Frame(name, op, at));
            sc.openBrace();
            sc.skipTo(word);
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
            if (!braces.isEmpty()) {
                return emit(base, w.substring(braces.get(0).dollar)) ? base.toString() : null;
            }
            return base.toString();
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
