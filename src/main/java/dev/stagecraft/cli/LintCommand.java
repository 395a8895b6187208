package dev.stagecraft.cli;

import dev.stagecraft.dockerfile.DockerfileFile;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.model.UnknownTarget;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.engine.context.DockerIgnore;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintConfig;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.LintedFile;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.lint.Rule;
import dev.stagecraft.lint.RuleReference;
import dev.stagecraft.lint.Rules;
import dev.stagecraft.lint.Severity;
import dev.stagecraft.lint.output.CheckstyleFormat;
import dev.stagecraft.lint.output.JsonFormat;
import dev.stagecraft.lint.output.SarifFormat;
import dev.stagecraft.lint.output.TtyFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagecraft lint FILE...}: hadolint's rules, BuildKit's checks and Stagecraft's stage-aware rules. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Lint Dockerfiles with hadolint's rules, BuildKit's build checks and Stagecraft's stage-aware "
                + "rules (only the stages the target needs, unless --all-stages).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the failure threshold",
                "1:a finding at or above the failure threshold (default: info)",
                "2:a file can't be read as a Dockerfile, a bad config, or bad options"})
final class LintCommand implements Callable<Integer> {
    enum Format { tty, json, sarif, checkstyle }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Dockerfiles to lint.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "stagecraft",
            description = "stagecraft (default: all rules, stage-aware), hadolint or buildkit.")
    String profile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tty",
            description = "tty (default), json, sarif or checkstyle.")
    Format format;

    @Option(names = "--failure-threshold", paramLabel = "LEVEL",
            description = "error, warning, info (default), style or none: exit 1 when a finding is at least this severe.")
    String failureThreshold;

    @Option(names = "--target", paramLabel = "NAME|INDEX", description = "The stage to build (default: the last).")
    String target;

    @Option(names = "--all-stages", description = "Lint every stage, not only those the target needs.")
    boolean allStages;

    @Option(names = "--ignore", paramLabel = "RULE", description = "Leave a rule out (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "A .hadolint.yaml to use instead of the nearest one (the Dockerfile's folder up to the "
                    + "repository root, then the user's).")
    Path config;

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context, for CopyIgnoredFile (default: the Dockerfile's folder).")
    Path context;

    @Option(names = "--explain", paramLabel = "RULE", description = "Explain a rule, with a bad and a good example.")
    String explain;

    @Option(names = "--list-rules", description = "List every rule with its severity and profiles.")
    boolean listRules;

    @Option(names = "--no-color", description = "No colours in tty output.")
    boolean noColor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listRules) {
            out.print(RuleReference.list());
            out.flush();
            return 0;
        }
        if (explain != null) {
            Rule r = Rules.find(explain).orElseThrow(() -> bad("no rule '" + explain
                    + "'; stagecraft lint --list-rules lists them"));
            out.print(RuleReference.explain(r));
            out.flush();
            return 0;
        }
        if (files.isEmpty()) {
            throw bad("no FILE given: stagecraft lint FILE... (or --list-rules, --explain RULE)");
        }
        Profile p = Profile.parse(profile).orElseThrow(() -> bad("--profile '" + profile
                + "' is not one of stagecraft, hadolint, buildkit"));
        for (String id : ignore) {
            if (Rules.find(id).isEmpty()) {
                throw bad("--ignore " + id + ": no such rule; stagecraft lint --list-rules lists them");
            }
        }
        if (failureThreshold != null && !java.util.Set.of("error", "warning", "info", "style", "none", "ignore")
                .contains(failureThreshold.toLowerCase(java.util.Locale.ROOT))) {
            throw bad("--failure-threshold '" + failureThreshold + "' is not one of error, warning, info, style, none");
        }
        LintConfig explicit = config == null ? null : readConfig(config);
        PrintWriter err = spec.commandLine().getErr();
        List<LintedFile> results = new ArrayList<>();
        boolean unreadable = false;
        boolean failed = false;
        for (Path file : files) {
            String text;
            try {
                text = DockerfileFile.read(file);
            } catch (DockerfileFile.Unreadable e) {
                err.println("stagecraft: " + e.getMessage());
                unreadable = true;
                continue;
            }
            LintConfig cfg = explicit != null ? explicit
                    : LintConfig.find(file, System.getenv()).map(this::readConfig).orElse(LintConfig.NONE);
            StageGraph graph = StageGraph.of(DockerfileParser.parse(text), new GraphOptions(target, Map.of(), null));
            Optional<String> unknown = UnknownTarget.check(graph, target);
            if (unknown.isPresent()) {
                err.println("stagecraft: " + file + ": " + unknown.get());
                unreadable = true;
                continue;
            }
            Set<String> ignored = new LinkedHashSet<>(ignore);
            LintOptions options = cfg.applyTo(LintOptions.of(p).withAllStages(allStages).withIgnored(ignored))
                    .withIgnoredByContext(dockerignore(file));
            List<Finding> findings = Linter.lint(graph, options);
            results.add(new LintedFile(file.toString(), text, findings));
            String level = failureThreshold != null ? failureThreshold
                    : cfg.failureThreshold() != null ? cfg.failureThreshold() : "info";
            Severity t = threshold(level);
            if (t != null && findings.stream().anyMatch(f -> f.severity().atLeast(t))) {
                failed = true;
            }
        }
        out.print(switch (format) {
            case tty -> TtyFormat.render(results, !noColor && System.console() != null && System.getenv("NO_COLOR") == null);
            case json -> JsonFormat.render(results);
            case sarif -> SarifFormat.render(results, "0.1.0");
            case checkstyle -> CheckstyleFormat.render(results);
        });
        out.flush();
        err.flush();
        return unreadable ? InputFiles.EXIT_BAD_INPUT : failed ? 1 : 0;
    }

    /** The least severity that fails the run; null for none (nothing fails). */
    private static Severity threshold(String level) {
        return Severity.parse(level).orElse(null);
    }

    private LintConfig readConfig(Path path) {
        try {
            return LintConfig.read(path);
        } catch (LintConfig.Invalid e) {
            throw bad(e.getMessage());
        }
    }

    /** Which context paths .dockerignore leaves out: the context's own, or {@code <Dockerfile>.dockerignore} beside it. */
    private Predicate<String> dockerignore(Path file) {
        Path dir = context != null ? context : file.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        Path specific = file.resolveSibling(file.getFileName() + ".dockerignore");
        Path ignoreFile = Files.isRegularFile(specific) ? specific : dir.resolve(".dockerignore");
        if (!Files.isRegularFile(ignoreFile)) {
            return path -> false;
        }
        try {
            DockerIgnore rules = DockerIgnore.parse(Files.readString(ignoreFile));
            return rules::excludes;
        } catch (IOException e) {
            spec.commandLine().getErr().println("stagecraft: cannot read " + ignoreFile + ": " + e.getMessage()
                    + "; CopyIgnoredFile is not checked");
            return null;
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
