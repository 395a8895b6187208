package dev.stagecraft.ui.problems;

import dev.stagecraft.lint.Severity;

/**
 * One row of the Problems list: a parser diagnostic, a lint finding, or a note about the lint
 * settings (a config that could not be read). {@code rule} is the finding's rule id (null for the
 * others), {@code stage} its stage's index and {@code stageName} how the graph names it (null
 * before the first FROM), {@code line} and {@code column} 1-based (0 for a note without a place).
 * {@code index} is the row's place among the diagnostics or the findings it was made from.
 * Equal rows look the same, so a list that did not change is not redrawn. Immutable.
 */
public record Problem(Kind kind, Severity severity, String rule, Integer stage, String stageName, int line, int column,
                      String message, int index) {

    /** Where a row comes from. */
    public enum Kind { PARSER, FINDING, SETTINGS }

    /** What the Rule column shows: the rule id, or where a row without one comes from. */
    public String ruleLabel() {
        return rule != null ? rule : kind == Kind.PARSER ? "parser" : "settings";
    }

    public boolean isFinding() {
        return kind == Kind.FINDING;
    }
}
