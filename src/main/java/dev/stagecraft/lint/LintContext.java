package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Heredoc;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks of one lint run share: the graph, the options, which stages are in scope and
 * which ship, each RUN's shell commands (read once), and the findings so far. Single use, one
 * thread.
 */
final class LintContext {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash",
            "/bin/ash", "/bin/dash", "/bin/zsh", "/usr/bin/env");

    final StageGraph graph;
    final String src;
    final LintOptions options;
    final List<Finding> findings = new ArrayList<>();
    private final BitSet shipped = new BitSet();
    private final Map<Instruction, ShellScript> shells = new IdentityHashMap<>();
    private final Map<Instruction, List<String>> cacheTargets = new IdentityHashMap<>();

    LintContext(StageGraph graph, LintOptions options) {
        this.graph = graph;
        this.src = graph.tree().source();
        this.options = options;
        int t = graph.target();
        while (t >= 0 && !shipped.get(t)) {
            shipped.set(t);
            Integer base = graph.stages().get(t).baseStage();
            t = base == null ? -1 : base;
        }
    }

    /** Whether rules look at this stage: all stages, except in the stagecraft profile without --all-stages. */
    boolean inScope(Stage s) {
        return options.profile() != Profile.STAGECRAFT || options.allStages() || graph.isNeeded(s.index());
    }

    List<Stage> stages() {
        List<Stage> out = new ArrayList<>();
        for (Stage s : graph.stages()) {
            if (inScope(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether this stage's layers reach the target's image: the target and its FROM ancestors. */
    boolean ships(int stage) {
        return shipped.get(stage);
    }

    void report(Rule rule, Instruction anchor, TextRange range, Stage stage, String message, Fix fix) {
        findings.add(new Finding(rule, rule.severity(), range != null ? range : anchor.range(),
                stage == null ? null : stage.index(), message, fix, anchor == null ? null : anchor.range()));
    }

    void report(Rule rule, Instruction anchor, Stage stage, Fix fix) {
        report(rule, anchor, anchor.range(), stage, rule.name(), fix);
    }

    /** The targets of a RUN's cache mounts, read once per lint. */
    List<String> cacheTargets(Instruction run) {
        return cacheTargets.computeIfAbsent(run, PackageCommands::cacheTargets);
    }

    /** The RUN instructions of a stage; with {@code onbuild}, also the RUNs that ONBUILD wraps. */
    static List<Instruction> runs(Stage s, boolean onbuild) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : s.instructions()) {
            if (i.is("RUN")) {
                out.add(i);
            } else if (onbuild && i.is("ONBUILD") && i.inner() != null && i.inner().is("RUN")) {
                out.add(i.inner());
            }
        }
        return out;
    }

    /**
     * The shell commands a RUN runs: its shell form, its exec form (with {@code sh -c} read
     * inside), and the bodies of here-documents that are the script ({@code RUN <<EOF}) or a
     * shell's input ({@code RUN bash <<EOF}).
     */
    ShellScript shell(Instruction run) {
        ShellScript cached = shells.get(run);
        if (cached != null) {
            return cached;
        }
        ShellScript script;
        if (run.execForm()) {
            StringBuilder sb = new StringBuilder();
            for (String a : run.execArgs()) {
                sb.append(sb.length() == 0 ? "" : " ").append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
            script = ShellScript.parse(sb.toString());
        } else {
            script = ShellScript.parse(run.arguments());
            if (!run.heredocs().isEmpty()) {
                String first = firstCommandWord(run);
                if (first == null || SHELLS.contains(first)) {
                    List<ShellScript> parts = new ArrayList<>();
                    parts.add(script);
                    for (Heredoc h : run.heredocs()) {
                        parts.add(ShellScript.parse(h.text()));
                    }
                    script = ShellScript.concat(run.arguments(), parts);
                }
            }
        }
        shells.put(run, script);
        return script;
    }

    private static String firstCommandWord(Instruction run) {
        for (Word w : run.words()) {
            if (!w.text().contains("<<")) {
                return w.text();
            }
        }
        return null;
    }

    /**
     * The source offset of a position in a shell-form RUN's joined arguments (where continuation
     * lines were removed), or -1 when it falls inside a word a continuation splits.
     */
    static int sourceOffset(Instruction run, int logical) {
        if (run.execForm() || run.argumentsRange() == null || logical < 0) {
            return -1;
        }
        String args = run.arguments();
        int pos = 0;
        for (Word w : run.words()) {
            int at = args.indexOf(w.text(), pos);
            if (at < 0) {
                return -1;
            }
            int end = at + w.text().length();
            if (logical >= at && logical <= end) {
                if (w.range().length() != w.text().length()) {
                    return -1;
                }
                return w.range().start() + (logical - at);
            }
            pos = end;
        }
        return -1;
    }
}
