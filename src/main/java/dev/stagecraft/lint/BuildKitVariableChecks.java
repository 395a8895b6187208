package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.WordExpander;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BuildKit's checks about variables: UndefinedArgInFrom, InvalidDefaultArgInFrom, UndefinedVar. */
final class BuildKitVariableChecks implements Linter.Check {
    static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");
    /** Instructions whose arguments BuildKit expands (RUN, CMD, ENTRYPOINT are left to the shell). */
    private static final Set<String> EXPANDED = Set.of("ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR", "ARG");

    /** A variable used in a word: its name and whether a default ({@code ${X:-d}}, {@code ${X+a}}...) covers it. */
    record Use(String name, boolean guarded) {
    }

    @Override
    public void run(LintContext ctx) {
        Map<String, String> metaDefaults = new LinkedHashMap<>();
        char escape = ctx.graph.tree().escape();
        for (Instruction i : ctx.graph.tree().instructions()) {
            if (i.is("FROM")) {
                break;
            }
            if (i.is("ARG")) {
                for (Word w : i.words()) {
                    int eq = w.text().indexOf('=');
                    String name = eq < 0 ? w.text() : w.text().substring(0, eq);
                    String def = eq < 0 ? null : new WordExpander(metaDefaults::get, escape).expand(w.text().substring(eq + 1));
                    metaDefaults.put(name, def);
                }
            }
        }
        for (Stage s : ctx.graph.stages()) {
            if (!ctx.inScope(s)) {
                continue;
            }
            fromArgs(ctx, s, metaDefaults, escape);
        }
        undefinedVars(ctx, metaDefaults.keySet(), escape);
    }

    private static void fromArgs(LintContext ctx, Stage s, Map<String, String> meta, char escape) {
        Instruction from = s.from();
        List<String> words = new ArrayList<>();
        if (!from.words().isEmpty()) {
            words.add(from.words().get(0).text());
        }
        from.flag("platform").map(f -> f.value()).ifPresent(words::add);
        Set<String> reported = new HashSet<>();
        for (String w : words) {
            for (Use u : uses(w, escape)) {
                if (!meta.containsKey(u.name()) && !PLATFORM_ARGS.contains(u.name()) && reported.add(u.name())) {
                    ctx.report(BuildKitRules.UNDEFINED_ARG_IN_FROM, from, from.range(), s,
                            "FROM argument '" + u.name() + "' is not declared" + suggest(u.name(), meta.keySet(), ""), null);
                }
            }
        }
        if (from.words().isEmpty() || !s.base().contains("$")) {
            return;
        }
        Map<String, String> automatic = new HashMap<>();
        PLATFORM_ARGS.forEach(a -> automatic.put(a, "linux/amd64"));
        String expanded = new WordExpander(n -> meta.containsKey(n) ? meta.get(n) : automatic.get(n), escape)
                .expand(s.base());
        boolean stage = ctx.graph.stages().stream().anyMatch(o -> o.index() < s.index() && expanded.equalsIgnoreCase(o.name()));
        if (expanded.isEmpty() || !stage && !expanded.equals("scratch") && !ImageRef.valid(expanded)) {
            ctx.report(BuildKitRules.INVALID_DEFAULT_ARG_IN_FROM, from, from.range(), s,
                    "Default value for ARG " + s.base() + " results in empty or invalid base image name", null);
        }
    }

    static String suggest(String name, Collection<String> known, String prefix) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Text.distance(name.toLowerCase(), k.toLowerCase());
            if (d < bestD && d <= (name.length() <= 3 ? 1 : 2) && d < name.length()) {
                best = k;
                bestD = d;
            }
        }
        return best == null ? "" : " (did you mean " + prefix + best + "?)";
    }

    /**
     * UndefinedVar, where Stagecraft can be sure without the base image's environment: every
     * variable in stages rooted at scratch, else meta ARGs used without being declared again.
     */
    private static void undefinedVars(LintContext ctx, Set<String> metaNames, char escape) {
        Map<Integer, Set<String>> envByStage = new HashMap<>();
        for (Stage s : ctx.graph.stages()) {
            Set<String> env = new HashSet<>();
            boolean scratchRoot = rootedAtScratch(ctx, s);
            if (s.baseStage() != null) {
                env.addAll(envByStage.getOrDefault(s.baseStage(), Set.of()));
            }
            Set<String> args = new HashSet<>();
            boolean check = ctx.inScope(s) && (ctx.graph.isNeeded(s.index()) || ctx.options.allStages());
            for (Instruction i : s.instructions()) {
                if (check && EXPANDED.contains(i.keyword())) {
                    Set<String> reported = new HashSet<>();
                    for (Word w : i.words()) {
                        String text = w.text();
                        if (i.is("ARG") || i.is("ENV") || i.is("LABEL")) {
                            int eq = text.indexOf('=');
                            text = eq < 0 ? (i.is("ARG") ? "" : text) : text.substring(eq + 1);
                        }
                        for (Use u : uses(text, escape)) {
                            boolean defined = env.contains(u.name()) || args.contains(u.name()) || u.name().equals("PATH");
                            boolean sure = scratchRoot || metaNames.contains(u.name()) || PLATFORM_ARGS.contains(u.name());
                            if (!defined && !u.guarded() && sure && reported.add(u.name())) {
                                Set<String> known = new HashSet<>(env);
                                known.addAll(args);
                                ctx.report(BuildKitRules.UNDEFINED_VAR, i, i.range(), s, "Usage of undefined variable '$"
                                        + u.name() + "'" + suggest(u.name(), known, "$"), null);
                            }
                        }
                    }
                }
                if (i.is("ARG")) {
                    i.words().forEach(w -> args.add(w.text().contains("=") ? w.text().substring(0, w.text().indexOf('='))
                            : w.text()));
                } else if (i.is("ENV")) {
                    env.addAll(BuildKitChecks.envKeys(i));
                }
            }
            envByStage.put(s.index(), env);
        }
    }

    private static boolean rootedAtScratch(LintContext ctx, Stage s) {
        Stage at = s;
        for (int guard = 0; guard <= ctx.graph.stages().size() && at != null; guard++) {
            if (at.baseStage() == null) {
                return at.baseResolved().equals("scratch");
            }
            at = ctx.graph.stages().get(at.baseStage());
        }
        return false;
    }

    /** The variables a word uses, outside single quotes and not escaped. */
    static List<Use> uses(String word, char escape) {
        List<Use> out = new ArrayList<>();
        int n = word.length();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c == escape && !single && i + 1 < n) {
                i++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '$' && !single && i + 1 < n) {
                if (word.charAt(i + 1) == '{') {
                    int close = word.indexOf('}', i + 2);
                    if (close < 0) {
                        break;
                    }
                    String inner = word.substring(i + 2, close);
                    int k = 0;
                    while (k < inner.length() && (Character.isLetterOrDigit(inner.charAt(k)) || inner.charAt(k) == '_')) {
                        k++;
                    }
                    if (k > 0) {
                        String rest = inner.substring(k);
                        boolean guarded = rest.startsWith(":-") || rest.startsWith("-") || rest.startsWith(":+")
                                || rest.startsWith("+") || rest.startsWith(":?") || rest.startsWith("?");
                        out.add(new Use(inner.substring(0, k), guarded));
                    }
                    i = close;
                } else {
                    int k = i + 1;
                    while (k < n && (Character.isLetterOrDigit(word.charAt(k)) || word.charAt(k) == '_')) {
                        k++;
                    }
                    if (k > i + 1 && !Character.isDigit(word.charAt(i + 1))) {
                        out.add(new Use(word.substring(i + 1, k), false));
                    }
                    i = k - 1;
                }
            }
        }
        return out;
    }
}
