package dev.stagecraft.dockerfile.syntax;

/** A parser directive ({@code # syntax=}, {@code # escape=}, {@code # check=}); key lower-cased. */
public record Directive(String key, String value, TextRange range, TextRange valueRange) {
}
