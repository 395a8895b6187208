package dev.stagecraft.lint;

import java.util.List;
import java.util.stream.Collectors;

/** The rule reference as text: {@code --list-rules}, {@code --explain ID} and docs/lint-rules.md. Stateless. */
public final class RuleReference {
    private static final java.util.Set<String> READING = Linter.READING_RULES;

    private RuleReference() {
    }

    /** One rule explained, as {@code stagecraft lint --explain ID} prints it and the window's Help shows it. */
    public static String explain(Rule r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.id()).append(" (").append(r.severity().label()).append(", ").append(origin(r)).append("): ")
                .append(r.name()).append("\n\n").append(r.explanation()).append("\n\nBad:\n").append(indent(r.bad()))
                .append("\n\nGood:\n").append(indent(r.good())).append('\n');
        sb.append("\nProfiles: ").append(profiles(r)).append('\n');
        if (r.refines() != null) {
            sb.append("Refines ").append(r.refines()).append(", which the stagecraft profile turns off.\n");
        }
        Rules.refinement(r.id()).ifPresent(x -> sb.append("Refined by ").append(x.id())
                .append(" in the stagecraft profile, where this rule is off.\n"));
        if (READING.contains(r.id())) {
            sb.append("Checked on every stage, whatever the target builds; stagecraft graph shows it too.\n");
        }
        String same = Linter.SAME_AS_BUILDKIT.get(r.id());
        if (same != null) {
            sb.append("In the stagecraft profile, where ").append(same)
                    .append(" reports the same instruction, only that finding is kept.\n");
        }
        if (r.url() != null) {
            sb.append("Reference: ").append(r.url()).append('\n');
        }
        return sb.toString();
    }

    public static String list() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : Rules.all()) {
            sb.append(String.format("%-32s %-8s %-26s %s%n", r.id(), r.severity().label(), profiles(r), r.name()));
        }
        return sb.toString();
    }

    static String profiles(Rule r) {
        return List.of(Profile.values()).stream().filter(p -> r.inProfile(p, Rules.refined())).map(Profile::label)
                .collect(Collectors.joining(","));
    }

    private static String origin(Rule r) {
        return switch (r.origin()) {
            case HADOLINT -> "hadolint";
            case BUILDKIT -> "BuildKit check";
            case STAGECRAFT -> "Stagecraft";
        };
    }

    private static String indent(String code) {
        return code.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }

    /** The whole reference as Markdown (docs/lint-rules.md is this text; a test keeps them equal). */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("# Lint rules\n\n");
        sb.append("Generated from the rule catalog (`RuleReference.markdown()`); `LintRulesDocTest` keeps this file in "
                + "sync. `stagecraft lint --explain ID` prints the same text for one rule.\n\n");
        sb.append("Profiles: `hadolint` runs hadolint's rules with hadolint's semantics, `buildkit` BuildKit's build "
                + "checks with BuildKit's, and `stagecraft` (the default) runs both plus Stagecraft's own `STG` rules, "
                + "with a coarse rule turned off where an `STG` rule refines it.\n\n");
        sb.append("The parser and the graph builder report only what stops BuildKit from reading the file (unknown "
                + "instructions, unterminated heredocs, no FROM, a bad escape directive, cycles, stage indexes out of "
                + "range...): those are errors, shown in every profile. Everything advisory is a rule here; the rules "
                + "that were the parser's warnings (" + String.join(", ", READING.stream().sorted().toList())
                + ") look at every stage, whatever the target builds, and `stagecraft graph` shows them beside the "
                + "parser's errors.\n\n");
        sb.append("| id | severity | profiles | what |\n|---|---|---|---|\n");
        for (Rule r : Rules.all()) {
            sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase()).append(") | ")
                    .append(r.severity().label()).append(" | ").append(profiles(r)).append(" | ")
                    .append(r.name().replace("|", "\\|")).append(" |\n");
        }
        for (Rule r : Rules.all()) {
            sb.append("\n## ").append(r.id()).append("\n\n").append(r.name()).append(" (").append(r.severity().label())
                    .append(", ").append(origin(r)).append(")\n\n").append(r.explanation()).append("\n\nBad:\n\n```dockerfile\n")
                    .append(r.bad()).append("\n```\n\nGood:\n\n```dockerfile\n").append(r.good()).append("\n```\n");
            if (r.refines() != null) {
                sb.append("\nRefines ").append(r.refines()).append(", which the stagecraft profile turns off.\n");
            }
            Rules.refinement(r.id()).ifPresent(x -> sb.append("\nRefined by ").append(x.id())
                    .append(": off in the stagecraft profile.\n"));
            if (READING.contains(r.id())) {
                sb.append("\nChecked on every stage, whatever the target builds; `stagecraft graph` shows it too.\n");
            }
            String same = Linter.SAME_AS_BUILDKIT.get(r.id());
            if (same != null) {
                sb.append("\nIn the stagecraft profile, where ").append(same)
                        .append(" reports the same instruction, only that finding is kept.\n");
            }
            if (r.url() != null) {
                sb.append("\nReference: ").append(r.url()).append('\n');
            }
        }
        return sb.toString();
    }
}
