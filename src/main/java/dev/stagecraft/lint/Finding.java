package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.syntax.TextRange;

/**
 * What a rule found: the rule, the severity after config and pragmas, the span to underline,
 * the stage it is in (null before the first FROM), a one-line message, and a fix (null when
 * none is mechanical). {@code instruction} is the whole instruction the finding is about (null
 * for file-wide findings): pragmas and "ignore here" fixes anchor to its first line.
 * Immutable; safe to hand from the linting thread to any other.
 */
public record Finding(Rule rule, Severity severity, TextRange range, Integer stage, String message, Fix fix,
                      TextRange instruction) {

    public int line() {
        return range.line();
    }

    public int column() {
        return range.column();
    }

    public boolean fixable() {
        return fix != null;
    }

    Finding withSeverity(Severity s) {
        return new Finding(rule, s, range, stage, message, fix, instruction);
    }
}
