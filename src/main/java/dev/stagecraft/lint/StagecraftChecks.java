package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stagecraft's stage- and target-aware rules (STG…); the shell-reading ones reuse hadolint's conditions. */
final class StagecraftChecks implements Linter.Check {
    private static final Set<String> BUILD_PACKAGES = Set.of("build-essential", "gcc", "g++", "make", "cmake", "clang",
            "golang", "golang-go", "go", "maven", "gradle", "cargo", "rustc", "git", "autoconf", "automake", "libtool",
            "pkg-config", "pkgconf", "default-jdk", "default-jdk-headless", "build-base", "musl-dev", "nodejs-dev");
    private static final Set<String> BUILD_IMAGES = Set.of("golang", "rust", "maven", "gradle", "gcc", "buildpack-deps",
            "openjdk");
    private static final Set<String> FULL_DISTROS = Set.of("debian", "ubuntu", "centos", "fedora", "rockylinux",
            "almalinux", "amazonlinux", "oraclelinux", "opensuse/leap", "opensuse/tumbleweed", "golang", "node", "python",
            "openjdk", "eclipse-temurin", "ruby", "rust", "buildpack-deps");

    @Override
    public void run(LintContext ctx) {
        if (ctx.graph.stages().isEmpty()) {
            return;
        }
        shipsAsRoot(ctx);
        unusedStages(ctx);
        boolean[] pipNoCache = envInChain(ctx, "PIP_NO_CACHE_DIR");
        boolean[] nodeProduction = envInChain(ctx, "NODE_ENV=production");
        for (Stage s : ctx.stages()) {
            boolean ships = ctx.ships(s.index());
            untaggedBase(ctx, s);
            copySources(ctx, s, ships);
            for (Instruction i : s.instructions()) {
                if (i.is("RUN")) {
                    run(ctx, s, i, ships, pipNoCache[s.index()], nodeProduction[s.index()]);
                } else if (ships && (i.is("ENV") || i.is("ARG"))) {
                    List<String> keys = i.is("ENV") ? BuildKitChecks.envKeys(i)
                            : i.words().stream().map(w -> w.text().split("=", 2)[0]).toList();
                    for (String k : keys) {
                        if (BuildKitChecks.secretName(k)) {
                            ctx.report(StagecraftRules.SECRETS_SHIPPED, i, i.range(), s, "Do not put sensitive data in "
                                    + i.keyword() + " of a stage that ships (" + i.keyword() + " " + BuildKitChecks.quote(k)
                                    + "): use RUN --mount=type=secret", null);
                        }
                    }
                }
            }
        }
        Stage target = ctx.graph.stages().get(ctx.graph.target());
        if (ctx.inScope(target)) {
            buildImage(ctx, target);
            fullBase(ctx, target);
        }
    }

    private static void shipsAsRoot(LintContext ctx) {
        int t = ctx.graph.target();
        while (t >= 0) {
            Stage s = ctx.graph.stages().get(t);
            Instruction last = null;
            for (Instruction i : s.instructions()) {
                if (i.is("USER")) {
                    last = i;
                }
            }
            if (last != null) {
                if (InstructionChecks.isRoot(last.arguments())) {
                    ctx.report(StagecraftRules.SHIPS_AS_ROOT, last, last.range(), s, "The image that ships runs as "
                            + last.arguments() + ": set a non-root USER in the target stage" + (t == ctx.graph.target()
                            ? "" : " (this USER comes from stage " + s.displayName() + ", which the target builds on)"),
                            null);
                }
                return;
            }
            t = s.baseStage() == null ? -1 : s.baseStage();
        }
    }

    private static void unusedStages(LintContext ctx) {
        if (ctx.graph.stages().size() < 2) {
            return;
        }
        Stage target = ctx.graph.stages().get(ctx.graph.target());
        for (Stage s : ctx.graph.stages()) {
            if (!ctx.graph.isNeeded(s.index())) {
                ctx.report(StagecraftRules.UNUSED_STAGE, s.from(), s.from().range(), s, "Stage " + s.displayName()
                        + " is not built for target " + target.displayName() + ": nothing the target needs uses it", null);
            }
        }
    }

    private static void untaggedBase(LintContext ctx, Stage s) {
        if (s.baseStage() != null || s.from().words().isEmpty() || s.baseResolved().isEmpty()) {
            return;
        }
        String resolved = s.baseResolved();
        ImageRef ref = ImageRef.parse(resolved);
        if (resolved.equals("scratch") || ref.tag() != null || ref.digest() != null || resolved.contains("$")) {
            return;
        }
        String via = s.base().equals(resolved) ? "" : " (" + s.base() + " is " + resolved + ")";
        ctx.report(StagecraftRules.UNTAGGED_BASE, s.from(), s.from().words().get(0).range(), s,
                "Always tag the version of an image explicitly" + via, null);
    }

    private static void copySources(LintContext ctx, Stage s, boolean ships) {
        for (Instruction i : s.instructions()) {
            if (!i.is("COPY")) {
                continue;
            }
            var from = i.flag("from").filter(f -> f.value() != null && !f.value().isEmpty()).orElse(null);
            if (from != null) {
                boolean stage = false;
                for (StageEdge e : ctx.graph.edgesInto(s.index())) {
                    stage |= e.instruction() == i;
                }
                String v = from.value();
                if (!stage && !v.matches(".*[/:.@$].*") && !v.chars().allMatch(Character::isDigit)) {
                    List<String> names = ctx.graph.stages().stream().map(Stage::name).filter(n -> n != null).toList();
                    ctx.report(StagecraftRules.UNKNOWN_COPY_SOURCE, i, from.range(), s, "COPY --from=" + v
                            + " names no stage, so BuildKit pulls an image called " + v
                            + BuildKitVariableChecks.suggest(v, names, ""), null);
                }
            } else if (ships && ctx.graph.stages().size() > 1) {
                List<String> args = i.execForm() ? i.execArgs() : i.words().stream().map(Word::text).toList();
                if (args.size() >= 2 && args.subList(0, args.size() - 1).stream()
                        .map(Text::dropQuotes).anyMatch(a -> a.equals(".") || a.equals("./"))) {
                    ctx.report(StagecraftRules.SOURCES_SHIPPED, i, i.range(), s,
                            "COPY . puts the whole build context into the image that ships; copy the built artifact "
                                    + "from a builder stage instead", null);
                }
            }
        }
    }

    private static void run(LintContext ctx, Stage s, Instruction i, boolean ships, boolean pipNoCacheEnv,
                            boolean nodeProductionEnv) {
        ShellScript sh = ctx.shell(i);
        boolean cacheMount = !ctx.cacheTargets(i).isEmpty();
        if (ships) {
            if (PackageCommands.forgotAptListsCleanup(sh) && !PackageCommands.aptListsCached(ctx.cacheTargets(i))) {
                ctx.report(StagecraftRules.APT_LISTS_SHIPPED, i, i.range(), s,
                        "apt lists stay in a layer of the image that ships: remove /var/lib/apt/lists/* in this RUN",
                        Fixes.appendToRun("Remove the apt lists in this RUN", i, " && rm -rf /var/lib/apt/lists/*"));
            }
            shipped(ctx, s, i, sh, StagecraftRules.RECOMMENDS_SHIPPED, PackageCommands::forgotNoRecommends, "install",
                    " --no-install-recommends", "Add --no-install-recommends",
                    "apt-get install without --no-install-recommends in a stage that ships");
            if (!cacheMount) {
                shipped(ctx, s, i, sh, StagecraftRules.APK_CACHE_SHIPPED, PackageCommands::forgotApkNoCache, "add",
                        " --no-cache", "Add --no-cache", "apk add without --no-cache in a stage that ships");
                if (!pipNoCacheEnv && !PackageCommands.pipNoCacheDirInline(sh.text())) {
                    shipped(ctx, s, i, sh, StagecraftRules.PIP_CACHE_SHIPPED, PackageCommands::forgotNoCacheDir,
                            "install", " --no-cache-dir", "Add --no-cache-dir",
                            "pip install without --no-cache-dir in a stage that ships");
                }
                if (PackageCommands.forgotYarnCacheClean(sh)) {
                    ctx.report(StagecraftRules.YARN_CACHE_SHIPPED, i, i.range(), s,
                            "yarn install without yarn cache clean in a stage that ships",
                            Fixes.appendToRun("Add yarn cache clean", i, " && yarn cache clean"));
                }
            }
            Set<String> tools = new LinkedHashSet<>();
            for (ShellScript.Command c : sh.commands()) {
                if (PackageCommands.aptGetInstall(c) || PackageCommands.apkAdd(c) || c.is("yum", "install")
                        || c.is("dnf", "install")) {
                    for (String p : c.argsNoFlags(Set.of("t", "target-release", "virtual"))) {
                        String name = p.split("[=~]", 2)[0];
                        if (BUILD_PACKAGES.contains(name) || name.matches("openjdk-\\d+-jdk(-headless)?")) {
                            tools.add(name);
                        }
                    }
                }
            }
            if (!tools.isEmpty() && ctx.graph.stages().size() >= 1) {
                ctx.report(StagecraftRules.BUILD_TOOLS_SHIPPED, i, i.range(), s, "Build tools ship in the image ("
                        + String.join(", ", tools) + "): install them in a builder stage and copy the result over", null);
            }
            if (!nodeProductionEnv && !sh.text().contains("NODE_ENV=production")
                    && sh.any(StagecraftChecks::installsDevDependencies)) {
                ctx.report(StagecraftRules.DEV_DEPENDENCIES_SHIPPED, i, i.range(), s,
                        "devDependencies ship in node_modules: use --omit=dev (npm) or --production (yarn) here, or "
                                + "install them in a builder stage", null);
            }
        } else if (!cacheMount && !i.execForm()) {
            String mounts = cacheMounts(sh);
            if (mounts != null) {
                int at = i.flags().isEmpty() ? i.argumentsRange() == null ? -1 : i.argumentsRange().start()
                        : i.flags().get(0).range().start();
                Fix fix = at < 0 ? null : Fix.of("Add a cache mount", TextEdit.insert(at, mounts + " "));
                ctx.report(StagecraftRules.CACHE_MOUNT_MISSING, i, i.range(), s, "Packages are downloaded again on every "
                        + "change of this builder stage: add " + mounts, fix);
            }
        }
    }

    private static void shipped(LintContext ctx, Stage s, Instruction run, ShellScript sh, Rule rule,
                                java.util.function.Predicate<ShellScript.Command> bad, String word, String text,
                                String title, String message) {
        List<ShellScript.Command> hits = sh.commands().stream().filter(bad).toList();
        if (!hits.isEmpty()) {
            ctx.report(rule, run, run.range(), s, message, ShellChecks.insertAfterEach(run, hits, word, text, title));
        }
    }

    /**
     * Per stage, whether an ENV in it or in a stage it builds on with FROM sets {@code needle}:
     * computed once, in stage order (a base stage always comes first).
     */
    private static boolean[] envInChain(LintContext ctx, String needle) {
        List<Stage> stages = ctx.graph.stages();
        boolean[] out = new boolean[stages.size()];
        for (Stage s : stages) {
            Integer base = s.baseStage();
            boolean set = base != null && base < s.index() && out[base];
            for (Instruction i : s.instructions()) {
                set |= i.is("ENV") && i.arguments().replace(' ', '=').contains(needle);
            }
            out[s.index()] = set;
        }
        return out;
    }

    private static boolean installsDevDependencies(ShellScript.Command c) {
        boolean npm = c.name().equals("npm") && (c.hasArg("ci") || c.hasArg("install") || c.hasArg("i"))
                && c.argsNoFlags(Set.of()).size() == 1;
        boolean yarn = c.name().equals("yarn") && (c.args().isEmpty() || c.hasArg("install"));
        if (!npm && !yarn) {
            return false;
        }
        return !c.hasFlag("production", "omit", "only") && !c.hasArg("--omit=dev") && !c.hasArg("--only=production");
    }

    /** The cache mounts a builder RUN's package installs want, or null if it installs nothing. */
    private static String cacheMounts(ShellScript sh) {
        List<String> m = new ArrayList<>();
        if (sh.any(PackageCommands::aptGetInstall)) {
            m.add("--mount=type=cache,target=/var/cache/apt,sharing=locked");
            m.add("--mount=type=cache,target=/var/lib/apt,sharing=locked");
        }
        if (sh.any(PackageCommands::apkAdd)) {
            m.add("--mount=type=cache,target=/etc/apk/cache");
        }
        if (sh.any(PackageCommands::pipInstall)) {
            m.add("--mount=type=cache,target=/root/.cache/pip");
        }
        if (sh.any(c -> c.name().equals("npm") && (c.hasArg("ci") || c.hasArg("install")))) {
            m.add("--mount=type=cache,target=/root/.npm");
        }
        if (sh.any(PackageCommands::yarnInstall)) {
            m.add("--mount=type=cache,target=/usr/local/share/.cache/yarn");
        }
        if (sh.any(c -> c.is("go", "mod") && c.hasArg("download"))) {
            m.add("--mount=type=cache,target=/root/go/pkg/mod");
        }
        return m.isEmpty() ? null : String.join(" ", m);
    }

    private static void buildImage(LintContext ctx, Stage target) {
        if (ctx.graph.stages().size() < 2) {
            return;
        }
        Stage root = target;
        while (root.baseStage() != null && root.baseStage() < root.index()) {
            root = ctx.graph.stages().get(root.baseStage());
        }
        ImageRef ref = ImageRef.parse(root.baseResolved());
        String name = ref.name().substring(ref.name().lastIndexOf('/') + 1);
        boolean jdk = (name.equals("eclipse-temurin") || name.equals("amazoncorretto")) && ref.tag() != null
                && ref.tag().contains("jdk");
        if (BUILD_IMAGES.contains(name) || jdk) {
            ctx.report(StagecraftRules.BUILD_TOOLS_SHIPPED, root.from(), root.from().range(), root,
                    "The image that ships is built on " + root.baseResolved() + ", a toolchain image: build in a builder "
                            + "stage and copy the result onto a runtime base", null);
        }
    }

    private static void fullBase(LintContext ctx, Stage target) {
        if (target.baseStage() != null) {
            return;
        }
        ImageRef ref = ImageRef.parse(target.baseResolved());
        String name = ref.name().startsWith("library/") ? ref.name().substring(8) : ref.name();
        if (!FULL_DISTROS.contains(name)) {
            return;
        }
        boolean runs = target.instructions().stream().anyMatch(i -> i.is("RUN") || i.is("ADD")
                || i.is("COPY") && i.flag("from").isEmpty());
        boolean copies = target.instructions().stream().anyMatch(i -> i.is("COPY") && i.flag("from").isPresent());
        if (!runs && copies) {
            ctx.report(StagecraftRules.FULL_BASE_FOR_COPIED_BINARY, target.from(), target.from().range(), target,
                    "The target only copies files from other stages onto " + target.baseResolved()
                            + ": if they are static binaries, FROM scratch or a distroless image ships far less", null);
        }
    }
}
