package dev.stagecraft.dockerfile.syntax;

/**
 * A builder flag before an instruction's arguments, such as {@code --from=builder} or
 * {@code --link}. {@code value} is unquoted as BuildKit reads it; null for a flag without
 * {@code =}. {@code valueRange} covers the value as written (null without {@code =}).
 */
public record Flag(String name, String value, TextRange range, TextRange valueRange) {
    public boolean hasValue() {
        return value != null;
    }
}
