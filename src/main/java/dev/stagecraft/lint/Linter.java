package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lints a parsed Dockerfile: runs every check over the stage graph, then keeps what the profile,
 * the options, the pragmas and the check directive let through, with the configured severity,
 * in text order.
 *
 * <p>For the window: {@link #lint} is pure and allocation-light, meant to run on the FX thread
 * after each parse (moby/moby's Dockerfile lints well under a millisecond, see LintBenchmark);
 * findings carry their stage for node badges, a range to underline and a {@link Fix} whose
 * edits go to the editor as one change. Stateless; safe from any thread.
 */
public final class Linter {
    private static final List<Check> CHECKS = List.of(new InstructionChecks(), new ShellChecks(),
            new BuildKitChecks(), new BuildKitVariableChecks(), new StagecraftChecks(), new ReadingChecks());

    /**
     * hadolint rules that say exactly what a BuildKit check says about the same instruction: the
     * stagecraft profile, which runs both, keeps BuildKit's finding only.
     */
    static final Map<String, String> SAME_AS_BUILDKIT = Map.of("DL4000", "MaintainerDeprecated",
            "DL3025", "JSONArgsRecommended", "DL3024", "DuplicateStageName");

    /**
     * The rules that took over the parser's and the graph builder's warnings (the parser keeps only
     * what stops BuildKit from reading the file): commands that show parse diagnostics show these too.
     */
    public static final Set<String> READING_RULES = Set.of("MaintainerDeprecated", "NoEmptyContinuation",
            "DuplicateStageName", "STG017", "STG018", "STG019", "STG020");

    private static final System.Logger LOG = System.getLogger(Linter.class.getName());

    private Linter() {
    }

    /** One check: reads the context, reports findings for its rules. */
    interface Check {
        void run(LintContext ctx);
    }

    public static List<Finding> lint(StageGraph graph, LintOptions options) {
        return lint(graph, options, CHECKS);
    }

    private static List<Finding> lint(StageGraph graph, LintOptions options, List<Check> checks) {
        LintContext ctx = new LintContext(graph, options);
        for (Check c : checks) {
            try {
                c.run(ctx);
            } catch (RuntimeException e) {
                // a bug in one check must not cost the user the other findings, nor the window its text
                LOG.log(System.Logger.Level.WARNING, "lint check " + c.getClass().getSimpleName() + " failed", e);
            }
        }
        Pragmas pragmas = Pragmas.read(graph.tree());
        Set<String> refined = Rules.refined();
        List<Finding> out = new ArrayList<>(ctx.findings.size());
        for (Finding f : ctx.findings) {
            Rule r = f.rule();
            if (!r.inProfile(options.profile(), refined) || ignored(options, r) || pragmas.suppressed(f)) {
                continue;
            }
            Severity s = options.severities().get(r.id());
            if (s == null) {
                s = options.severities().get(r.id().toLowerCase(Locale.ROOT));
            }
            if (s == null && pragmas.checksAreErrors() && r.origin() == Rule.Origin.BUILDKIT) {
                s = Severity.ERROR;
            }
            out.add(s == null ? f : f.withSeverity(s));
        }
        if (options.profile() == Profile.STAGECRAFT) {
            dropDuplicates(out);
        }
        out.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(f -> f.rule().id()));
        return List.copyOf(out);
    }

    /**
     * The findings of {@link #READING_RULES} with the default options (pragmas apply), for a
     * command that shows what the parser says about a file ({@code stagecraft graph}).
     */
    public static List<Finding> readingFindings(StageGraph graph) {
        // only the check that makes them: linear in the file, cheap even where the whole lint is not
        return lint(graph, LintOptions.DEFAULT, List.of(new ReadingChecks())).stream()
                .filter(f -> READING_RULES.contains(f.rule().id())).toList();
    }

    private static void dropDuplicates(List<Finding> out) {
        Set<String> buildkit = new HashSet<>();
        for (Finding f : out) {
            if (f.rule().origin() == Rule.Origin.BUILDKIT && f.instruction() != null) {
                buildkit.add(f.rule().id() + "@" + f.instruction().start());
            }
        }
        out.removeIf(f -> f.instruction() != null && SAME_AS_BUILDKIT.containsKey(f.rule().id())
                && buildkit.contains(SAME_AS_BUILDKIT.get(f.rule().id()) + "@" + f.instruction().start()));
    }

    private static boolean ignored(LintOptions options, Rule r) {
        for (String id : options.ignored()) {
            if (id.equalsIgnoreCase(r.id())) {
                return true;
            }
        }
        return false;
    }
}
