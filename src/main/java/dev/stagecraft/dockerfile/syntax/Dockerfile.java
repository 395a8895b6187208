package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lossless syntax tree of a Dockerfile: directives, instructions and every token, whose
 * ranges tile the source text, so {@link #print()} gives it back unchanged. Immutable once
 * parsed; the full token list is built on first use.
 */
public final class Dockerfile {
    private final String source;
    private final LineIndex lines;
    private final char escape;
    private final List<Directive> directives;
    private final List<Instruction> instructions;
    private final List<Token> structural;
    private final List<Diagnostic> diagnostics;
    private volatile List<Token> tokens;

    Dockerfile(String source, LineIndex lines, char escape, List<Directive> directives,
               List<Instruction> instructions, List<Token> structural, List<Diagnostic> diagnostics) {
        this.source = source;
        this.lines = lines;
        this.escape = escape;
        this.directives = List.copyOf(directives);
        this.instructions = List.copyOf(instructions);
        this.structural = structural;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String source() {
        return source;
    }

    public LineIndex lines() {
        return lines;
    }

    /** The escape character: {@code \} unless {@code # escape=`} says otherwise. */
    public char escape() {
        return escape;
    }

    public List<Directive> directives() {
        return directives;
    }

    public java.util.Optional<Directive> directive(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Prints the tree: the concatenation of all tokens, equal to the source for any input. */
    public String print() {
        StringBuilder sb = new StringBuilder(source.length());
        for (Token t : tokens()) {
            sb.append(source, t.start(), t.end());
        }
        return sb.toString();
    }

    /** Every token in order; together they cover each character of the source exactly once. */
    public List<Token> tokens() {
        List<Token> t = tokens;
        if (t == null) {
            t = Collections.unmodifiableList(buildTokens());
            tokens = t;
        }
        return t;
    }

    private List<Token> buildTokens() {
        List<Token> meaningful = new ArrayList<>(structural.size() + instructions.size() * 8);
        meaningful.addAll(structural);
        for (Instruction i : instructions) {
            meaningful.addAll(i.tokens());
        }
        meaningful.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Token> out = new ArrayList<>(meaningful.size() * 2);
        int pos = 0;
        for (Token t : meaningful) {
            if (t.start() < pos) {
                continue; // defensive: never emit overlapping tokens
            }
            fillGap(pos, t.start(), out);
            out.add(t);
            pos = t.end();
        }
        fillGap(pos, source.length(), out);
        return out;
    }

    /** Splits text no meaningful token covers into whitespace, newlines and plain text. */
    private void fillGap(int from, int to, List<Token> out) {
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            int j = i + 1;
            TokenKind kind;
            if (c == '\n') {
                kind = TokenKind.NEWLINE;
            } else if (c == '\r' && j < to && source.charAt(j) == '\n') {
                kind = TokenKind.NEWLINE;
                j++;
            } else if (c == ' ' || c == '\t') {
                kind = TokenKind.WHITESPACE;
                while (j < to && (source.charAt(j) == ' ' || source.charAt(j) == '\t')) {
                    j++;
                }
            } else {
                kind = TokenKind.TEXT;
                while (j < to && " \t\n".indexOf(source.charAt(j)) < 0
                        && !(source.charAt(j) == '\r' && j + 1 < to && source.charAt(j + 1) == '\n')) {
                    j++;
                }
            }
            out.add(new Token(kind, lines.range(i, j)));
            i = j;
        }
    }
}
