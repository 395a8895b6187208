package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Fix;

/**
 * One entry of the quick-fix menu: what it says, the finding it is about, and the edits it makes
 * (null for {@link Kind#EXPLAIN}, which opens the rule's help). Immutable.
 */
public record FixChoice(Kind kind, String title, Finding finding, Fix fix) {
    /** The rule's own fix, the ignore pragma, every fix of the rule in the file, or the rule's help. */
    public enum Kind { FIX, IGNORE, FIX_ALL, EXPLAIN }
}
