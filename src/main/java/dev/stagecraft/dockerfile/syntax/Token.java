package dev.stagecraft.dockerfile.syntax;

/**
 * One token of the lossless tree; the tokens of a {@link Dockerfile} tile its text exactly. Keeps
 * its kind and offsets (its {@link #range()} is made when asked: a 5 MB file has a million
 * tokens). Equal when kind and range are. Immutable; safe to share between threads.
 */
public final class Token {
    private final TokenKind kind;
    private final int start;
    private final int end;
    private final Object where;

    public Token(TokenKind kind, TextRange range) {
        this.kind = kind;
        this.start = range.start();
        this.end = range.end();
        this.where = range.where();
    }

    public TokenKind kind() {
        return kind;
    }

    public TextRange range() {
        return TextRange.of(start, end, where);
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && t.kind == kind && t.range().equals(range());
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + 31 * start + end;
    }

    @Override
    public String toString() {
        return "Token[kind=" + kind + ", range=" + range() + "]";
    }
}
