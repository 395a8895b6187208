package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.util.List;
import java.util.Map;

/** Test helpers: lint a text and describe the findings as {@code ID@line}. */
final class Lint {
    private Lint() {
    }

    static List<Finding> run(String text, LintOptions options) {
        return Linter.lint(StageGraph.parse(text), options);
    }

    static List<Finding> run(String text, LintOptions options, String target) {
        return Linter.lint(StageGraph.of(DockerfileParser.parse(text), new GraphOptions(target, Map.of(), null)), options);
    }

    /** Findings of one rule as {@code ID@line}, in text order. */
    static List<String> of(String rule, String text, Profile profile) {
        return run(text, LintOptions.of(profile)).stream().filter(f -> f.rule().id().equals(rule))
                .map(f -> f.rule().id() + "@" + f.line()).toList();
    }

    static List<String> hadolint(String rule, String text) {
        return of(rule, text, Profile.HADOLINT);
    }

    static List<String> buildkit(String rule, String text) {
        return of(rule, text, Profile.BUILDKIT);
    }

    static List<String> stagecraft(String rule, String text) {
        return of(rule, text, Profile.STAGECRAFT);
    }

    static List<Finding> findings(String rule, String text, Profile profile) {
        return run(text, LintOptions.of(profile)).stream().filter(f -> f.rule().id().equals(rule)).toList();
    }
}
