package dev.stagecraft.dockerfile.syntax;

/**
 * Steps through shell words the way BuildKit's parser and its shell lexer read quotes and escapes,
 * one step at a time: a plain character, an unquoted blank, an escape pair, a quote opening or
 * closing, a {@code $}, and the {@code }} that closes a {@code ${…}} whose word the caller reads
 * ({@link #openBrace}). The one quote-and-escape state machine of the parser's word splitting,
 * its highlighting of values and the graph's variable expansion.
 *
 * <p>The rules: outside quotes the escape character ({@code \} or the directive's backtick)
 * escapes any character, {@code '…'} is literal, {@code "…"} is a double-quoted part; inside
 * double quotes the escape character escapes {@code "}, {@code $} and itself and is literal before
 * anything else; an escape character at the very end escapes nothing. Inside a {@code ${…}} word
 * (shell lexer only) quotes nest again and an unquoted {@code }} closes it. Contexts live in an
 * array, not on Java's stack, so any nesting the input brings is read in one pass. Every step
 * consumes at least one character, so a scan of {@code n} characters ends within {@code n} steps;
 * plain characters and blanks come in runs, one step each, so the usual word takes few steps.
 *
 * <p>Mutable, reusable with {@link #reset}; one thread at a time.
 */
public final class WordScanner {
    /** No more input. */
    public static final int END = -1;
    /** Characters taken as written, {@link #start} to {@link #position} (a run of them, read in one step). */
    public static final int LITERAL = 0;
    /** Unquoted blanks outside any {@code ${…}} (a run of them): they separate words. */
    public static final int BLANK = 1;
    /** The escape character and the character it escapes ({@link #value}); at the end, the escape alone ({@link #escapedNothing}). */
    public static final int ESCAPED = 2;
    /** A quote opens ({@link #value}: {@code '} or {@code "}). */
    public static final int OPEN_QUOTE = 3;
    /** The open quote closes. */
    public static final int CLOSE_QUOTE = 4;
    /** A {@code $} where the shell expands variables (not in single quotes, not escaped). */
    public static final int DOLLAR = 5;
    /** The unquoted {@code }} that closes the innermost {@link #openBrace} word. */
    public static final int CLOSE_BRACE = 6;

    private static final char WORD = 0;
    private static final char[] NONE = {};
    private static final char BRACE = '{';

    private final char escape;
    private String text;
    private int pos;
    private int to;
    private int start;
    private char value;
    private boolean nothing;
    /** Open contexts, innermost last: '\'', '"' or BRACE; depth 0 is the word itself. */
    private char[] contexts = NONE;
    private int depth;

    public WordScanner(char escape) {
        this.escape = escape;
    }

    /** Scans {@code text[from, to)} from the start of a word, no quote open. */
    public WordScanner reset(String text, int from, int to) {
        this.text = text;
        this.pos = from;
        this.to = to;
        this.start = from;
        this.depth = 0;
        return this;
    }

    /** Reads one step; returns its kind, or {@link #END}. */
    public int next() {
        int i = pos;
        start = i;
        if (i >= to) {
            return END;
        }
        String t = text;
        char c = t.charAt(i);
        value = c;
        char context = depth == 0 ? WORD : contexts[depth - 1];
        if (context == '\'') {
            if (c == '\'') {
                pos = i + 1;
                depth--;
                return CLOSE_QUOTE;
            }
            int close = t.indexOf('\'', i);
            pos = close < 0 || close > to ? to : close;
            return LITERAL;
        }
        if (context == '"') {
            if (c == '"') {
                pos = i + 1;
                depth--;
                return CLOSE_QUOTE;
            }
            if (c == '$') {
                pos = i + 1;
                return DOLLAR;
            }
            if (c == escape && escapesInQuotes(i)) {
                return escapePair(i);
            }
            int j = i + 1;
            while (j < to) {
                char d = t.charAt(j);
                if (d == '"' || d == '$' || d == escape && escapesInQuotes(j)) {
                    break;
                }
                j++;
            }
            pos = j;
            return LITERAL;
        }
        // in the word or in a ${…} word
        if (c == escape) {
            return escapePair(i);
        }
        boolean word = context == WORD;
        switch (c) {
            case '\'', '"' -> {
                pos = i + 1;
                push(c);
                return OPEN_QUOTE;
            }
            case '$' -> {
                pos = i + 1;
                return DOLLAR;
            }
            case '}' -> {
                if (!word) {
                    pos = i + 1;
                    depth--;
                    return CLOSE_BRACE;
                }
            }
            default -> {
                if (word && isBlank(c)) {
                    int j = i + 1;
                    while (j < to && isBlank(t.charAt(j))) {
                        j++;
                    }
                    pos = j;
                    return BLANK;
                }
            }
        }
        int j = i + 1;
        while (j < to) {
            char d = t.charAt(j);
            if (d == escape || d == '\'' || d == '"' || d == '$' || (word ? isBlank(d) : d == '}')) {
                break;
            }
            j++;
        }
        pos = j;
        return LITERAL;
    }

    /** Inside double quotes the escape character escapes only {@code " $} and itself (or, last, nothing). */
    private boolean escapesInQuotes(int i) {
        if (i + 1 >= to) {
            return true;
        }
        char next = text.charAt(i + 1);
        return next == '"' || next == '$' || next == escape;
    }

    private int escapePair(int i) {
        nothing = i + 1 >= to;
        value = nothing ? 0 : text.charAt(i + 1);
        pos = nothing ? i + 1 : i + 2;
        return ESCAPED;
    }

    private void push(char context) {
        if (depth == contexts.length) {
            contexts = java.util.Arrays.copyOf(contexts, Math.max(8, depth * 2));
        }
        contexts[depth++] = context;
    }

    /** The escape character this scanner reads with. */
    public char escape() {
        return escape;
    }

    /** Where the last step began. */
    public int start() {
        return start;
    }

    /** Where the next step begins (just after the last one). */
    public int position() {
        return pos;
    }

    /** The character of the last step: the escaped one, the quote, or the first of a run. */
    public char value() {
        return value;
    }

    /** Whether the last {@link #ESCAPED} step was an escape character at the very end, escaping nothing. */
    public boolean escapedNothing() {
        return nothing;
    }

    /** The innermost open quote ({@code '} or {@code "}), or 0 when the innermost context is not a quote. */
    public char quote() {
        char c = depth == 0 ? WORD : contexts[depth - 1];
        return c == BRACE ? 0 : c;
    }

    /** Whether some quote or {@code ${…}} is still open: at the end, the word is unterminated. */
    public boolean open() {
        return depth > 0;
    }

    /**
     * After a {@link #DOLLAR} the caller read as {@code ${name<op>}}: the word that follows, up to
     * its unquoted {@code }}, is read as a context of its own ({@link #CLOSE_BRACE} ends it).
     */
    public void openBrace() {
        push(BRACE);
    }

    /** Goes on from {@code position} (not before the current one), in the same context. */
    public void skipTo(int position) {
        pos = Math.min(to, Math.max(pos, position));
    }

    /** BuildKit's word separators (Go's unicode.IsSpace, ASCII part). */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\n';
    }
}
