package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Directive;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Something in a Dockerfile that only BuildKit understands, so the classic builder must refuse
 * the file before sending anything: RUN --mount/--network/--security, heredocs, COPY/ADD --link,
 * --chmod, --parents, --exclude, ADD --checksum/--keep-git-dir, and a {@code # syntax=} frontend.
 * Immutable.
 */
public record BuildKitRequirement(String feature, TextRange range) {
    private static final Set<String> RUN_FLAGS = Set.of("mount", "network", "security");
    private static final Set<String> COPY_FLAGS = Set.of("link", "chmod", "parents", "exclude");
    private static final Set<String> ADD_FLAGS = Set.of("link", "chmod", "checksum", "keep-git-dir", "exclude");

    public int line() {
        return range.line();
    }

    /** "line 12: RUN --mount needs BuildKit" */
    public String message() {
        return "line " + line() + ": " + feature + " needs BuildKit";
    }

    /** Every BuildKit-only feature the file uses, in text order. */
    public static List<BuildKitRequirement> of(Dockerfile tree) {
        List<BuildKitRequirement> out = new ArrayList<>();
        for (Directive d : tree.directives()) {
            if (d.key().equals("syntax")) {
                out.add(new BuildKitRequirement("the # syntax=" + d.value() + " frontend", d.range()));
            }
        }
        for (Instruction ins : tree.instructions()) {
            check(ins, out);
            if (ins.inner() != null) {
                check(ins.inner(), out);
            }
        }
        return out;
    }

    private static void check(Instruction ins, List<BuildKitRequirement> out) {
        Set<String> only = switch (ins.keyword()) {
            case "RUN" -> RUN_FLAGS;
            case "COPY" -> COPY_FLAGS;
            case "ADD" -> ADD_FLAGS;
            default -> Set.of();
        };
        for (Flag f : ins.flags()) {
            if (only.contains(f.name().toLowerCase(java.util.Locale.ROOT))) {
                out.add(new BuildKitRequirement(ins.keyword() + " --" + f.name(), f.range()));
            }
        }
        if (!ins.heredocs().isEmpty()) {
            out.add(new BuildKitRequirement("a heredoc (<<" + ins.heredocs().get(0).name() + ")",
                    ins.heredocs().get(0).markerRange()));
        }
    }
}
