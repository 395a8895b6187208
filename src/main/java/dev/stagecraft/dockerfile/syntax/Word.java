package dev.stagecraft.dockerfile.syntax;

/**
 * One whitespace-separated argument as written (quotes and escapes kept, line continuations
 * removed). {@code unterminatedQuote} is set when a quote opened in it is never closed.
 */
public record Word(String text, TextRange range, boolean unterminatedQuote) {
}
