package dev.stagecraft.dockerfile.syntax;

/** A problem found in a Dockerfile, with the span it is about. Immutable. */
public record Diagnostic(Severity severity, String message, TextRange range) {
    public static Diagnostic error(String message, TextRange range) {
        return new Diagnostic(Severity.ERROR, message, range);
    }

    public static Diagnostic warning(String message, TextRange range) {
        return new Diagnostic(Severity.WARNING, message, range);
    }

    public int line() {
        return range.line();
    }

    public int column() {
        return range.column();
    }

    @Override
    public String toString() {
        return range.line() + ":" + range.column() + ": " + severity.label() + ": " + message;
    }
}
