package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** hadolint's rules about instructions other than RUN: FROM, COPY, ADD, WORKDIR, USER, CMD... */
final class InstructionChecks implements Linter.Check {
    private static final List<String> ARCHIVES = List.of(".tar", ".tar.gz", ".tgz", ".gz", ".bz2", ".tbz", ".tbz2",
            ".tb2", ".xz", ".txz", ".lz", ".lzma", ".tlz", ".Z", ".tZ", ".zip", ".7z", ".zst", ".tar.zst");

    @Override
    public void run(LintContext ctx) {
        Set<String> aliases = new HashSet<>();
        Map<Integer, Boolean> workdirSet = new HashMap<>();
        for (Stage s : ctx.graph.stages()) {
            Instruction from = s.from();
            String alias = s.nameRange() == null ? null : s.nameRange().text(ctx.src);
            boolean scope = ctx.inScope(s);
            if (scope) {
                fromChecks(ctx, s, aliases);
                if (alias != null && aliases.contains(alias)) {
                    ctx.report(HadolintRules.DL3024, from, s, null);
                }
            }
            if (alias != null) {
                aliases.add(alias); // hadolint adds the alias at FROM: COPY --from in the same stage sees it
            }
            boolean workdir = s.baseStage() != null && workdirSet.getOrDefault(s.baseStage(), false);
            Instruction lastUser = null;
            boolean seenCmd = false;
            boolean seenEntrypoint = false;
            for (Instruction i : s.instructions()) {
                if (i.is("WORKDIR")) {
                    workdir = true;
                }
                if (!scope) {
                    continue;
                }
                switch (i.keyword()) {
                    case "WORKDIR" -> workdirCheck(ctx, s, i);
                    case "USER" -> lastUser = i;
                    case "CMD" -> {
                        if (seenCmd) {
                            ctx.report(HadolintRules.DL4003, i, s, null);
                        }
                        seenCmd = true;
                        jsonForm(ctx, s, i);
                    }
                    case "ENTRYPOINT" -> {
                        if (seenEntrypoint) {
                            ctx.report(HadolintRules.DL4004, i, s, null);
                        }
                        seenEntrypoint = true;
                        jsonForm(ctx, s, i);
                    }
                    case "ADD" -> addCheck(ctx, s, i);
                    case "COPY" -> copyChecks(ctx, s, i, aliases, alias, workdir);
                    case "MAINTAINER" -> ctx.report(HadolintRules.DL4000, i, s,
                            Fixes.maintainerToLabel(i, "maintainer"));
                    default -> {
                    }
                }
            }
            workdirSet.put(s.index(), workdir);
            if (scope && lastUser != null && isRoot(lastUser.arguments())) {
                ctx.report(HadolintRules.DL3002, lastUser, s, null);
            }
        }
    }

    static boolean isRoot(String user) {
        return user.equals("root") || user.equals("0") || user.startsWith("root:") || user.startsWith("0:");
    }

    private static void fromChecks(LintContext ctx, Stage s, Set<String> aliases) {
        List<Word> words = s.from().words();
        if (words.isEmpty()) {
            return;
        }
        ImageRef ref = ImageRef.parse(words.get(0).text());
        if (ref.name().equals("scratch") && ref.registry() == null) {
            return;
        }
        if (ref.digest() == null && ref.tag() == null && !aliases.contains(ref.name())) {
            ctx.report(HadolintRules.DL3006, s.from(), words.get(0).range(), s, HadolintRules.DL3006.name(), null);
        }
        if ("latest".equals(ref.tag())) {
            ctx.report(HadolintRules.DL3007, s.from(), words.get(0).range(), s, HadolintRules.DL3007.name(), null);
        }
        List<String> trusted = ctx.options.trustedRegistries();
        if (!trusted.isEmpty() && !aliases.contains(ref.name()) && !ref.name().startsWith("$")) {
            String registry = ref.registry() == null ? "docker.io" : ref.registry();
            boolean ok = trusted.stream().anyMatch(t -> t.equals(registry)
                    || t.startsWith("*") && registry.endsWith(t.substring(1))
                    || registry.equals("docker.io") && t.equals("hub.docker.com"));
            if (!ok) {
                ctx.report(HadolintRules.DL3026, s.from(), words.get(0).range(), s, HadolintRules.DL3026.name(), null);
            }
        }
    }

    private static void workdirCheck(LintContext ctx, Stage s, Instruction i) {
        String dir = Text.dropQuotes(i.arguments());
        if (dir.isEmpty()) {
            return;
        }
        boolean absolute = dir.startsWith("/") || dir.startsWith("$")
                || dir.length() > 1 && Character.isLetter(dir.charAt(0)) && dir.charAt(1) == ':';
        if (!absolute) {
            ctx.report(HadolintRules.DL3000, i, i.argumentsRange(), s, HadolintRules.DL3000.name(), null);
        }
    }

    private static void jsonForm(LintContext ctx, Stage s, Instruction i) {
        if (!i.execForm() && i.argumentsRange() != null) {
            ctx.report(HadolintRules.DL3025, i, s, Fixes.jsonForm(i, ctx.src));
        }
    }

    private static void addCheck(LintContext ctx, Stage s, Instruction i) {
        List<String> args = i.execForm() ? i.execArgs() : i.words().stream().map(Word::text).toList();
        if (!i.heredocs().isEmpty() || args.size() < 2) {
            return;
        }
        for (String src : args.subList(0, args.size() - 1)) {
            String p = Text.dropQuotes(src);
            boolean archive = ARCHIVES.stream().anyMatch(p::endsWith);
            boolean url = p.startsWith("https://") || p.startsWith("http://");
            if (!archive && !url) {
                ctx.report(HadolintRules.DL3020, i, s, null);
                return;
            }
        }
    }

    private static void copyChecks(LintContext ctx, Stage s, Instruction i, Set<String> aliases, String alias,
                                   boolean workdir) {
        List<String> args = i.execForm() ? i.execArgs() : i.words().stream().map(Word::text).toList();
        i.flag("from").filter(f -> f.value() != null).ifPresent(f -> {
            if (!aliases.contains(f.value())) {
                ctx.report(HadolintRules.DL3022, i, f.range(), s, HadolintRules.DL3022.name(), null);
            }
            if (f.value().equals(alias)) {
                ctx.report(HadolintRules.DL3023, i, f.range(), s, HadolintRules.DL3023.name(), null);
            }
        });
        if (args.isEmpty()) {
            return;
        }
        String dest = Text.dropQuotes(args.get(args.size() - 1));
        if (i.heredocs().isEmpty() && args.size() > 2 && !dest.endsWith("/")) {
            ctx.report(HadolintRules.DL3021, i, s, null);
        }
        boolean absolute = dest.startsWith("/") || dest.startsWith("$")
                || dest.length() > 2 && (dest.startsWith(":\\", 1) || dest.startsWith(":/", 1));
        if (!workdir && !absolute && args.size() >= 2) {
            ctx.report(HadolintRules.DL3045, i, s, null);
        }
    }
}
