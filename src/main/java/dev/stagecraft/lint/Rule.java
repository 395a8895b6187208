package dev.stagecraft.lint;

import java.util.Set;

/**
 * One lint rule: its id ({@code DL3008} for hadolint's, the check name for BuildKit's,
 * {@code STG…} for Stagecraft's own), a short name, the default severity, a paragraph saying
 * why, a bad and a good example, where the reference description lives ({@code url}, may be
 * null), the profiles that run it and, for a Stagecraft rule, the id of the coarse rule it
 * refines (null otherwise). Immutable; the window shows {@link #explanation()} and the examples
 * for Help on a finding.
 */
public record Rule(String id, String name, Severity severity, String explanation, String bad, String good,
                   String url, Origin origin, String refines) {

    /** Where a rule comes from, which decides the profiles it belongs to. */
    public enum Origin { HADOLINT, BUILDKIT, STAGECRAFT }

    /** Whether {@code profile} runs this rule (before config and pragmas). */
    public boolean inProfile(Profile profile, Set<String> refinedInStagecraft) {
        return switch (profile) {
            case HADOLINT -> origin == Origin.HADOLINT;
            case BUILDKIT -> origin == Origin.BUILDKIT;
            case STAGECRAFT -> !refinedInStagecraft.contains(id);
        };
    }
}
