package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage's findings badge says: how many findings the stage has, the worst severity among
 * them (null when none) and a line for the node's tooltip ("3 findings: 1 warning, 2 info").
 * Immutable.
 */
public record StageFindings(int count, Severity worst, String tip) {
    public static final StageFindings NONE = new StageFindings(0, null, null);

    /** One summary per stage of a graph with {@code stages} stages; findings outside every stage count nowhere. */
    public static List<StageFindings> of(int stages, List<Finding> findings) {
        List<Map<Severity, Integer>> counts = new ArrayList<>(stages);
        for (int i = 0; i < stages; i++) {
            counts.add(new EnumMap<>(Severity.class));
        }
        for (Finding f : findings) {
            Integer s = f.stage();
            if (s != null && s >= 0 && s < stages) {
                counts.get(s).merge(f.severity(), 1, Integer::sum);
            }
        }
        List<StageFindings> out = new ArrayList<>(stages);
        for (Map<Severity, Integer> c : counts) {
            out.add(summary(c));
        }
        return out;
    }

    private static StageFindings summary(Map<Severity, Integer> counts) {
        if (counts.isEmpty()) {
            return NONE;
        }
        int total = 0;
        Severity worst = null;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Severity, Integer> e : counts.entrySet()) { // EnumMap: worst first
            total += e.getValue();
            worst = worst == null ? e.getKey() : worst;
            parts.add(e.getValue() + " " + e.getKey().label());
        }
        return new StageFindings(total, worst, total + (total == 1 ? " finding: " : " findings: ") + String.join(", ", parts));
    }

    /** The severity's label for the badge's style, or null when there is none. */
    public String worstLabel() {
        return worst == null ? null : worst.label();
    }
}
