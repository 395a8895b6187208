package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * BuildKit's build checks that need no variable expansion. Like BuildKit, the checks made while
 * parsing look at every stage, the ones made while dispatching only at the stages the target
 * builds. Each finding covers the instruction, as BuildKit's location does. MaintainerDeprecated,
 * NoEmptyContinuation and DuplicateStageName, once the parser's warnings, are {@link ReadingChecks}'.
 */
final class BuildKitChecks implements Linter.Check {
    // BuildKit: (?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)
    static final Pattern SECRET = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    static final Pattern NOT_SECRET = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

    private static final java.util.Set<String> KNOWN_OS = java.util.Set.of("linux", "windows", "darwin", "freebsd",
            "netbsd", "openbsd", "solaris", "illumos", "aix", "android", "ios", "plan9", "js", "wasip1");

    @Override
    public void run(LintContext ctx) {
        casing(ctx);
        for (ArgWord meta : metaArgs(ctx)) {
            secret(ctx, null, meta.ins(), "ARG", meta.name());
        }
        boolean[] absoluteWorkdir = new boolean[ctx.graph.stages().size()];
        boolean[] shellSet = new boolean[ctx.graph.stages().size()];
        for (Stage s : ctx.graph.stages()) {
            Integer base = s.baseStage();
            absoluteWorkdir[s.index()] = base != null && absoluteWorkdir[base];
            shellSet[s.index()] = base != null && shellSet[base];
            if (s.name() != null && s.nameRange() != null) {
                stageName(ctx, s);
            }
            boolean parse = ctx.inScope(s);
            boolean dispatch = parse && (ctx.graph.isNeeded(s.index()) || ctx.options.allStages());
            if (parse) {
                from(ctx, s);
                multiple(ctx, s);
            }
            for (Instruction i : s.instructions()) {
                if (i.is("WORKDIR")) {
                    String dir = Text.dropQuotes(i.arguments());
                    boolean abs = dir.startsWith("/") || dir.length() > 1 && dir.charAt(1) == ':';
                    if (dispatch && !abs && !absoluteWorkdir[s.index()] && !dir.startsWith("$") && !dir.isEmpty()) {
                        ctx.report(BuildKitRules.WORKDIR_RELATIVE_PATH, i, i.range(), s,
                                "Relative workdir " + quote(dir) + " can have unexpected results if the base image changes",
                                null);
                    }
                    absoluteWorkdir[s.index()] |= abs;
                } else if (i.is("SHELL")) {
                    shellSet[s.index()] = true;
                }
                if (parse) {
                    parsed(ctx, s, i);
                }
                if (dispatch) {
                    dispatched(ctx, s, i, shellSet[s.index()]);
                }
            }
        }
    }

    /** An ARG name and the instruction that declares it. */
    record ArgWord(String name, Instruction ins) {
    }

    static List<ArgWord> metaArgs(LintContext ctx) {
        List<ArgWord> out = new java.util.ArrayList<>();
        for (Instruction i : ctx.graph.tree().instructions()) {
            if (i.is("FROM")) {
                break;
            }
            if (i.is("ARG")) {
                for (Word w : i.words()) {
                    int eq = w.text().indexOf('=');
                    out.add(new ArgWord(eq < 0 ? w.text() : w.text().substring(0, eq), i));
                }
            }
        }
        return out;
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void casing(LintContext ctx) {
        int lower = 0;
        int upper = 0;
        for (Instruction i : ctx.graph.tree().instructions()) {
            String k = i.keywordRange().text(ctx.src);
            if (Text.allLower(k)) {
                lower++;
            } else if (Text.allUpper(k)) {
                upper++;
            }
        }
        boolean majorityLower = lower > upper;
        java.util.Map<Instruction, Stage> stageOf = new java.util.IdentityHashMap<>();
        for (Stage s : ctx.graph.stages()) {
            for (Instruction i : s.instructions()) {
                stageOf.put(i, s);
            }
        }
        for (Instruction i : ctx.graph.tree().instructions()) {
            Stage s = stageOf.get(i);
            if (s != null && !ctx.inScope(s)) {
                continue;
            }
            String k = i.keywordRange().text(ctx.src);
            String want = majorityLower ? k.toLowerCase(Locale.ROOT) : k.toUpperCase(Locale.ROOT);
            if (!want.equals(k)) {
                ctx.report(BuildKitRules.CONSISTENT_INSTRUCTION_CASING, i, i.range(), s, "Command '" + k
                        + "' should match the case of the command majority (" + (majorityLower ? "lowercase" : "uppercase")
                        + ")", Fix.of("Write " + want, TextEdit.replace(i.keywordRange(), want)));
            }
        }
    }

    private static void stageName(LintContext ctx, Stage s) {
        if (!ctx.inScope(s)) {
            return;
        }
        String written = s.nameRange().text(ctx.src);
        if (!written.equals(written.toLowerCase(Locale.ROOT))) {
            ctx.report(BuildKitRules.STAGE_NAME_CASING, s.from(), s.from().range(), s,
                    "Stage name '" + written + "' should be lowercase", Fixes.lowercaseStage(ctx.graph, s.index(), written));
        }
        if (s.name().equals("context") || s.name().equals("scratch")) {
            ctx.report(BuildKitRules.RESERVED_STAGE_NAME, s.from(), s.from().range(), s,
                    "Stage name should not use the same name as reserved stage " + quote(s.name()), null);
        }
    }

    private static void from(LintContext ctx, Stage s) {
        Instruction from = s.from();
        List<Word> w = from.words();
        if (w.size() >= 3 && w.get(1).text().equalsIgnoreCase("as")) {
            String kw = from.keywordRange().text(ctx.src);
            String as = w.get(1).text();
            boolean mismatch = Text.allLower(kw) ? !Text.allLower(as) : Text.allUpper(kw) && !Text.allUpper(as);
            if (mismatch) {
                String want = Text.allLower(kw) ? "as" : "AS";
                ctx.report(BuildKitRules.FROM_AS_CASING, from, from.range(), s,
                        "'" + as + "' and '" + kw + "' keywords' casing do not match",
                        Fix.of("Write " + want, TextEdit.replace(w.get(1).range(), want)));
            }
        }
        Flag platform = from.flag("platform").orElse(null);
        if (platform == null || platform.value() == null) {
            return;
        }
        String p = platform.value();
        if (p.equals("$TARGETPLATFORM") || p.equals("${TARGETPLATFORM}")) {
            int end = platform.range().end();
            while (end < ctx.src.length() && (ctx.src.charAt(end) == ' ' || ctx.src.charAt(end) == '\t')) {
                end++;
            }
            ctx.report(BuildKitRules.REDUNDANT_TARGET_PLATFORM, from, from.range(), s, "Setting platform to predefined "
                    + p + " in FROM is redundant as this is the default behavior",
                    Fix.of("Remove --platform", TextEdit.delete(platform.range().start(), end)));
        } else if (!p.contains("$")) {
            // containerd's platforms.Parse: "os/arch[/variant]", or one part that is an OS or an architecture
            String[] parts = p.toLowerCase(Locale.ROOT).split("/");
            String os = parts.length >= 2 || KNOWN_OS.contains(parts[0]) ? parts[0] : "linux";
            String arch = parts.length >= 2 ? parts[1] : KNOWN_OS.contains(parts[0]) ? "" : parts[0];
            String name = s.name() == null ? "" : s.name();
            boolean named = !name.isEmpty() && (name.contains(os) || !arch.isEmpty() && name.contains(arch));
            if (!named) {
                ctx.report(BuildKitRules.FROM_PLATFORM_FLAG_CONST_DISALLOWED, from, from.range(), s,
                        "FROM --platform flag should not use constant value " + quote(p), null);
            }
        }
    }

    private static void multiple(LintContext ctx, Stage s) {
        Instruction[] last = new Instruction[3];
        for (Instruction i : s.instructions()) {
            int k = i.is("CMD") ? 0 : i.is("ENTRYPOINT") ? 1 : i.is("HEALTHCHECK") ? 2 : -1;
            if (k < 0) {
                continue;
            }
            if (last[k] != null) {
                ctx.report(BuildKitRules.MULTIPLE_INSTRUCTIONS_DISALLOWED, last[k], last[k].range(), s, "Multiple "
                        + last[k].keyword() + " instructions should not be used in the same stage because only the last "
                        + "one will be used", null);
            }
            last[k] = i;
        }
    }

    /** Checks BuildKit makes while parsing, on every stage. */
    private static void parsed(LintContext ctx, Stage s, Instruction i) {
        if ((i.is("ENV") || i.is("LABEL")) && !i.words().isEmpty() && !i.words().get(0).text().contains("=")) {
            ctx.report(BuildKitRules.LEGACY_KEY_VALUE_FORMAT, i, i.range(), s, "\"" + i.keyword()
                    + " key=value\" should be used instead of legacy \"" + i.keyword() + " key value\" format",
                    Fixes.keyValue(i, ctx.src));
        }
    }

    /** Checks BuildKit makes while building a stage: only on stages the target needs. */
    private static void dispatched(LintContext ctx, Stage s, Instruction i, boolean shellSet) {
        switch (i.keyword()) {
            case "CMD", "ENTRYPOINT" -> {
                if (!i.execForm() && i.argumentsRange() != null && !shellSet) {
                    ctx.report(BuildKitRules.JSON_ARGS_RECOMMENDED, i, i.range(), s, "JSON arguments recommended for "
                            + i.keyword() + " to prevent unintended behavior related to OS signals",
                            Fixes.jsonForm(i, ctx.src));
                }
            }
            case "ENV" -> envKeys(i).forEach(k -> secret(ctx, s, i, "ENV", k));
            case "ARG" -> i.words().forEach(w -> {
                int eq = w.text().indexOf('=');
                secret(ctx, s, i, "ARG", eq < 0 ? w.text() : w.text().substring(0, eq));
            });
            case "EXPOSE" -> expose(ctx, s, i);
            case "COPY", "ADD" -> ignoredSources(ctx, s, i);
            default -> {
            }
        }
    }

    static List<String> envKeys(Instruction env) {
        List<Word> w = env.words();
        if (w.isEmpty()) {
            return List.of();
        }
        if (!w.get(0).text().contains("=")) {
            return List.of(w.get(0).text());
        }
        return w.stream().filter(x -> x.text().indexOf('=') > 0).map(x -> x.text().substring(0, x.text().indexOf('=')))
                .toList();
    }

    static boolean secretName(String key) {
        return SECRET.matcher(key).find() && !NOT_SECRET.matcher(key).find();
    }

    private static void secret(LintContext ctx, Stage s, Instruction i, String kind, String key) {
        if (secretName(key)) {
            ctx.report(BuildKitRules.SECRETS_USED_IN_ARG_OR_ENV, i, i.range(), s,
                    "Do not use ARG or ENV instructions for sensitive data (" + kind + " " + quote(key) + ")", null);
        }
    }

    private static void expose(LintContext ctx, Stage s, Instruction i) {
        for (Word w : i.words()) {
            String port = w.text();
            if (port.contains(":")) {
                ctx.report(BuildKitRules.EXPOSE_INVALID_FORMAT, i, i.range(), s,
                        "EXPOSE instruction should not define an IP address or host-port mapping, found '" + port + "'",
                        null);
            }
            int slash = port.indexOf('/');
            if (slash >= 0) {
                String proto = port.substring(slash + 1);
                if (!proto.equals(proto.toLowerCase(Locale.ROOT))) {
                    ctx.report(BuildKitRules.EXPOSE_PROTO_CASING, i, i.range(), s, "Defined protocol '" + port
                            + "' in EXPOSE instruction should be lowercase",
                            Fix.of("Write " + port.toLowerCase(Locale.ROOT),
                                    TextEdit.replace(w.range(), port.toLowerCase(Locale.ROOT))));
                }
            }
        }
    }

    private static void ignoredSources(LintContext ctx, Stage s, Instruction i) {
        Predicate<String> ignored = ctx.options.ignoredByContext();
        if (ignored == null || i.flag("from").isPresent() || !i.heredocs().isEmpty()) {
            return;
        }
        List<String> args = i.execForm() ? i.execArgs() : i.words().stream().map(Word::text).toList();
        if (args.size() < 2) {
            return;
        }
        for (String raw : args.subList(0, args.size() - 1)) {
            String p = Text.dropQuotes(raw);
            if (p.contains("://") || p.contains("$") || p.matches(".*[*?\\[].*")) {
                continue;
            }
            String rel = p;
            while (rel.startsWith("./") || rel.startsWith("/")) {
                rel = rel.substring(rel.startsWith("./") ? 2 : 1);
            }
            while (rel.endsWith("/") && rel.length() > 1) {
                rel = rel.substring(0, rel.length() - 1);
            }
            if (rel.isEmpty() || rel.equals(".")) {
                continue;
            }
            if (ignored.test(rel)) {
                String cmd = i.is("COPY") ? "Copy" : "Add";
                ctx.report(BuildKitRules.COPY_IGNORED_FILE, i, i.range(), s,
                        "Attempting to " + cmd + " file " + quote(p) + " that is excluded by .dockerignore", null);
            }
        }
    }
}
