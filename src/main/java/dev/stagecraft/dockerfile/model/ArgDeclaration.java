package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.TextRange;

/**
 * An {@code ARG}: {@code stage} is -1 for a meta ARG (before the first FROM). {@code defaultValue}
 * is as written (null without {@code =}), {@code value} what it resolves to with build args
 * applied (null if unset). Immutable.
 */
public record ArgDeclaration(String name, String defaultValue, String value, int stage, TextRange range) {
    public boolean meta() {
        return stage < 0;
    }
}
