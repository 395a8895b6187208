package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.syntax.Directive;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Token;
import dev.stagecraft.dockerfile.syntax.TokenKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-file controls: hadolint's {@code # hadolint ignore=DL3006,DL3008} (the instruction on
 * the next line) and {@code # hadolint global ignore=…}, and BuildKit's
 * {@code # check=skip=A,B;error=true} directive. Any rule id works in either, in every profile.
 * Immutable once read.
 */
final class Pragmas {
    // hadolint: spaces "hadolint" spaces1 ["global" spaces1] "ignore" spaces "=" spaces ids, then an optional # comment
    private static final Pattern IGNORE = Pattern.compile(
            "^#[ \\t]*hadolint[ \\t]+(global[ \\t]+)?ignore[ \\t]*=[ \\t]*([A-Za-z0-9]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9]+)*)[ \\t]*(?:#.*)?$");

    private final Map<Integer, Set<String>> byLine;
    private final Set<String> global;
    private final Set<String> skip;
    private final boolean skipAll;
    private final boolean error;

    private Pragmas(Map<Integer, Set<String>> byLine, Set<String> global, Set<String> skip, boolean skipAll,
                    boolean error) {
        this.byLine = byLine;
        this.global = global;
        this.skip = skip;
        this.skipAll = skipAll;
        this.error = error;
    }

    static Pragmas read(Dockerfile tree) {
        Map<Integer, Set<String>> byLine = new HashMap<>();
        Set<String> global = new HashSet<>();
        String src = tree.source();
        if (src.contains("hadolint")) {
            for (Token t : tree.comments()) {
                Matcher m = IGNORE.matcher(t.range().text(src).strip());
                if (m.matches()) {
                    Set<String> ids = ids(m.group(2), ",");
                    if (m.group(1) != null) {
                        global.addAll(ids);
                    } else {
                        byLine.computeIfAbsent(t.range().line() + 1, k -> new HashSet<>()).addAll(ids);
                    }
                }
            }
        }
        Set<String> skip = new HashSet<>();
        boolean skipAll = false;
        boolean error = false;
        Directive check = tree.directive("check").orElse(null);
        if (check != null) {
            for (String part : check.value().split(";")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = part.substring(eq + 1).trim();
                if (key.equals("skip")) {
                    Set<String> ids = ids(value, ",");
                    skipAll |= ids.contains("all");
                    skip.addAll(ids);
                } else if (key.equals("error")) {
                    error = value.equalsIgnoreCase("true");
                }
            }
        }
        return new Pragmas(byLine, global, skip, skipAll, error);
    }

    private static Set<String> ids(String list, String sep) {
        Set<String> out = new HashSet<>();
        for (String id : list.split(sep)) {
            if (!id.isBlank()) {
                out.add(id.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Whether a pragma or the check directive turns this finding off. */
    boolean suppressed(Finding f) {
        String id = f.rule().id().toLowerCase(Locale.ROOT);
        if (global.contains(id) || skip.contains(id)) {
            return true;
        }
        if (skipAll && f.rule().origin() == Rule.Origin.BUILDKIT) {
            return true;
        }
        int line = f.instruction() != null ? f.instruction().line() : f.range().line();
        Set<String> here = byLine.get(line);
        return here != null && here.contains(id);
    }

    /** {@code # check=error=true}: BuildKit's checks fail the build, so they are errors. */
    boolean checksAreErrors() {
        return error;
    }

    List<Integer> ignoreLines() {
        return List.copyOf(byLine.keySet());
    }
}
