package dev.stagecraft.dockerfile.syntax;

/** One token of the lossless tree; the tokens of a {@link Dockerfile} tile its text exactly. */
public record Token(TokenKind kind, TextRange range) {
    public int start() {
        return range.start();
    }

    public int end() {
        return range.end();
    }
}
