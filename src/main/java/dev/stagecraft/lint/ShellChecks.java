package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * hadolint's rules that read the shell commands of RUN (and of RUNs wrapped in ONBUILD, as
 * hadolint's {@code onbuild} combinator does), with the quick fixes that are mechanical.
 */
final class ShellChecks implements Linter.Check {
    private static final String PIPEFAIL = "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";

    @Override
    public void run(LintContext ctx) {
        List<Stage> all = ctx.graph.stages();
        Set<String> fromImages = new HashSet<>();
        for (Stage s : all) {
            if (!s.from().words().isEmpty()) {
                fromImages.add(ImageRef.parse(s.from().words().get(0).text()).name());
            }
        }
        Set<String> onbuildDownloaders = new HashSet<>();
        Set<Integer> pipNoCache = new HashSet<>();
        for (Stage s : all) {
            boolean pipEnv = s.baseStage() != null && pipNoCache.contains(s.baseStage());
            for (Instruction i : s.instructions()) {
                if (i.is("ENV") && envSetsPipNoCache(i)) {
                    pipEnv = true;
                }
            }
            if (pipEnv) {
                pipNoCache.add(s.index());
            }
            if (!ctx.inScope(s)) {
                continue;
            }
            boolean last = s.index() == all.size() - 1;
            boolean usedAsBase = s.nameRange() != null && fromImages.contains(s.nameRange().text(ctx.src));
            perStage(ctx, s, last || usedAsBase, pipEnv, onbuildDownloaders);
        }
    }

    private static boolean envSetsPipNoCache(Instruction env) {
        for (var w : env.words()) {
            String t = w.text();
            if (t.startsWith("PIP_NO_CACHE_DIR=")) {
                return PackageCommands.TRUTHY.contains(Text.dropQuotes(t.substring("PIP_NO_CACHE_DIR=".length())));
            }
        }
        return env.words().size() >= 2 && env.words().get(0).text().equals("PIP_NO_CACHE_DIR")
                && PackageCommands.TRUTHY.contains(env.words().get(1).text());
    }

    private static void perStage(LintContext ctx, Stage s, boolean aptListsCount, boolean pipEnv,
                                 Set<String> onbuildDownloaders) {
        Set<String> downloaders = new HashSet<>();
        boolean pipefail = false;
        Instruction previousRun = null;
        int previousCount = 0;
        for (Instruction outer : s.instructions()) {
            boolean onbuild = outer.is("ONBUILD") && outer.inner() != null && outer.inner().is("RUN");
            Instruction i = onbuild ? outer.inner() : outer;
            if (outer.is("SHELL")) {
                pipefail = shellSetsPipefail(outer);
            }
            if (!i.is("RUN")) {
                if (!outer.is("FROM")) {
                    previousRun = null;
                }
                continue;
            }
            ShellScript sh = ctx.shell(i);
            simple(ctx, s, outer, i, sh, pipEnv);
            if (PackageCommands.forgotAptListsCleanup(sh) && !PackageCommands.aptListsCached(ctx.cacheTargets(i))
                    && (aptListsCount || onbuild)) {
                ctx.report(HadolintRules.DL3009, outer, s, Fixes.appendToRun("Remove the apt lists in this RUN", i,
                        " && rm -rf /var/lib/apt/lists/*"));
            }
            Set<String> used = new HashSet<>();
            sh.commands().forEach(c -> {
                if (c.name().equals("curl") || c.name().equals("wget")) {
                    used.add(c.name());
                }
            });
            Set<String> acc = onbuild ? onbuildDownloaders : downloaders;
            acc.addAll(used);
            if (!used.isEmpty() && acc.size() >= 2) {
                ctx.report(HadolintRules.DL4001, outer, s, null);
            }
            if (onbuild) {
                previousRun = null;
            } else {
                if (sh.hasPipes() && !pipefail) {
                    ctx.report(HadolintRules.DL4006, outer, s,
                            Fixes.lineBefore("Set SHELL with -o pipefail before this RUN", outer, ctx.src, PIPEFAIL));
                }
                int count = sh.commands().size();
                if (previousRun != null && sameFlags(previousRun, i) && count <= 2 && previousCount <= 2) {
                    ctx.report(HadolintRules.DL3059, i, s, null);
                }
                previousRun = i;
                previousCount = count;
            }
        }
    }

    private static boolean shellSetsPipefail(Instruction shell) {
        List<String> args = shell.execForm() ? shell.execArgs() : List.of(shell.arguments());
        String joined = String.join(" ", args);
        if (joined.startsWith("pwsh") || joined.startsWith("powershell") || joined.startsWith("cmd")) {
            return true;
        }
        ShellScript sh = ShellScript.parse(joined);
        return sh.any(c -> {
            String base = c.name().substring(c.name().lastIndexOf('/') + 1);
            return (base.equals("bash") || base.equals("zsh") || base.equals("ash")) && c.hasFlag("o")
                    && c.hasArg("pipefail");
        });
    }

    private static boolean sameFlags(Instruction a, Instruction b) {
        List<String> fa = new ArrayList<>();
        a.flags().forEach(f -> fa.add(f.name() + "=" + f.value()));
        List<String> fb = new ArrayList<>();
        b.flags().forEach(f -> fb.add(f.name() + "=" + f.value()));
        fa.sort(null);
        fb.sort(null);
        return fa.equals(fb);
    }

    /** The rules that judge one RUN on its own. */
    private static void simple(LintContext ctx, Stage s, Instruction anchor, Instruction run, ShellScript sh,
                               boolean pipEnv) {
        if (sh.uses("cd")) {
            ctx.report(HadolintRules.DL3003, anchor, s, null);
        }
        if (sh.uses("sudo")) {
            ctx.report(HadolintRules.DL3004, anchor, s, null);
        }
        if (sh.uses("apt")) {
            ctx.report(HadolintRules.DL3027, anchor, s, null);
        }
        if (sh.any(c -> PackageCommands.aptGetInstall(c) && !PackageCommands.aptGetPackages(c).stream()
                .allMatch(p -> p.contains("=") || p.contains("/") || p.endsWith(".deb")))) {
            ctx.report(HadolintRules.DL3008, anchor, s, null);
        }
        flagged(ctx, s, anchor, run, sh, HadolintRules.DL3014, PackageCommands::forgotYes, "install", " -y",
                "Add -y");
        flagged(ctx, s, anchor, run, sh, HadolintRules.DL3015, PackageCommands::forgotNoRecommends, "install",
                " --no-install-recommends", "Add --no-install-recommends");
        if (sh.any(c -> PackageCommands.apkAdd(c) && !c.argsNoFlags(Set.of("t", "virtual", "repository", "X")).stream()
                .filter(p -> !p.equals("add")).allMatch(p -> p.contains("=") || p.contains("~") || p.endsWith(".apk")))) {
            ctx.report(HadolintRules.DL3018, anchor, s, null);
        }
        flagged(ctx, s, anchor, run, sh, HadolintRules.DL3019, PackageCommands::forgotApkNoCache, "add", " --no-cache",
                "Add --no-cache");
        if (sh.any(PackageCommands::forgotPipPin)) {
            ctx.report(HadolintRules.DL3013, anchor, s, null);
        }
        if (!pipEnv && !PackageCommands.pipNoCacheDirInline(sh.text())) {
            flagged(ctx, s, anchor, run, sh, HadolintRules.DL3042, PackageCommands::forgotNoCacheDir, "install",
                    " --no-cache-dir", "Add --no-cache-dir");
        }
        if (sh.any(PackageCommands::forgotNpmPin)) {
            ctx.report(HadolintRules.DL3016, anchor, s, null);
        }
        if (sh.any(PackageCommands::forgotWgetProgress)) {
            ctx.report(HadolintRules.DL3047, anchor, s, null);
        }
        if (PackageCommands.forgotYarnCacheClean(sh)) {
            ctx.report(HadolintRules.DL3060, anchor, s, Fixes.appendToRun("Add yarn cache clean", run,
                    " && yarn cache clean"));
        }
    }

    /** Reports a rule about some commands, with a fix that inserts {@code text} after each one's {@code word}. */
    static void flagged(LintContext ctx, Stage s, Instruction anchor, Instruction run, ShellScript sh, Rule rule,
                        Predicate<ShellScript.Command> bad, String word, String text, String title) {
        List<ShellScript.Command> hits = sh.commands().stream().filter(bad).toList();
        if (hits.isEmpty()) {
            return;
        }
        ctx.report(rule, anchor, anchor.range(), s, rule.name(), insertAfterEach(run, hits, word, text, title));
    }

    static Fix insertAfterEach(Instruction run, List<ShellScript.Command> hits, String word, String text, String title) {
        List<dev.stagecraft.dockerfile.edit.TextEdit> edits = new ArrayList<>();
        for (ShellScript.Command c : hits) {
            Fix f = Fixes.afterArg(title, run, c.arg(word), text);
            if (f == null) {
                return null;
            }
            edits.addAll(f.edits());
        }
        return new Fix(title, edits);
    }

    static boolean hasFlag(Instruction i, String name) {
        for (Flag f : i.flags()) {
            if (f.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
