package dev.stagecraft.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule Stagecraft knows, by id: hadolint's, BuildKit's, then Stagecraft's. Immutable. */
public final class Rules {
    private static final List<Rule> ALL;
    private static final Map<String, Rule> BY_ID;
    private static final Set<String> REFINED;

    static {
        List<Rule> all = new ArrayList<>(HadolintRules.ALL);
        all.addAll(BuildKitRules.ALL);
        all.addAll(StagecraftRules.ALL);
        ALL = List.copyOf(all);
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : ALL) {
            byId.put(r.id().toLowerCase(Locale.ROOT), r);
        }
        BY_ID = Collections.unmodifiableMap(byId);
        REFINED = ALL.stream().map(Rule::refines).filter(r -> r != null).collect(Collectors.toUnmodifiableSet());
    }

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with this id, any case ({@code dl3008}, {@code stagenamecasing}). */
    public static Optional<Rule> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    /** Ids of the coarse rules a Stagecraft rule refines: off in the stagecraft profile. */
    public static Set<String> refined() {
        return REFINED;
    }

    /** The Stagecraft rule that refines {@code id}, if one does. */
    public static Optional<Rule> refinement(String id) {
        return ALL.stream().filter(r -> id.equals(r.refines())).findFirst();
    }

    public static List<Rule> inProfile(Profile profile) {
        return ALL.stream().filter(r -> r.inProfile(profile, REFINED)).toList();
    }
}
