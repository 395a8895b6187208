package dev.stagecraft.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How to lint: the profile; whether to lint every stage or only those the target needs (the
 * target comes from the graph's own options); rule ids to leave out; severity overrides by
 * rule id; the registries FROM may use (hadolint's DL3026; empty allows all); and which
 * context paths the build context's {@code .dockerignore} leaves out, for CopyIgnoredFile
 * (null when the context is unknown: the check stays silent). Immutable apart from the
 * predicate, which must be safe to call from the thread that lints.
 */
public record LintOptions(Profile profile, boolean allStages, Set<String> ignored,
                          Map<String, Severity> severities, List<String> trustedRegistries,
                          Predicate<String> ignoredByContext) {

    public static final LintOptions DEFAULT = new LintOptions(Profile.STAGECRAFT, false, Set.of(), Map.of(), List.of(),
            null);

    public LintOptions {
        profile = profile == null ? Profile.STAGECRAFT : profile;
        ignored = ignored == null ? Set.of() : Set.copyOf(ignored);
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        trustedRegistries = trustedRegistries == null ? List.of() : List.copyOf(trustedRegistries);
    }

    public static LintOptions of(Profile profile) {
        return DEFAULT.withProfile(profile);
    }

    public LintOptions withProfile(Profile p) {
        return new LintOptions(p, allStages, ignored, severities, trustedRegistries, ignoredByContext);
    }

    public LintOptions withAllStages(boolean all) {
        return new LintOptions(profile, all, ignored, severities, trustedRegistries, ignoredByContext);
    }

    public LintOptions withIgnored(Set<String> ids) {
        return new LintOptions(profile, allStages, ids, severities, trustedRegistries, ignoredByContext);
    }

    public LintOptions withSeverities(Map<String, Severity> s) {
        return new LintOptions(profile, allStages, ignored, s, trustedRegistries, ignoredByContext);
    }

    public LintOptions withTrustedRegistries(List<String> registries) {
        return new LintOptions(profile, allStages, ignored, severities, registries, ignoredByContext);
    }

    public LintOptions withIgnoredByContext(Predicate<String> predicate) {
        return new LintOptions(profile, allStages, ignored, severities, trustedRegistries, predicate);
    }
}
