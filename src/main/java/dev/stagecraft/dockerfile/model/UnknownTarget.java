package dev.stagecraft.dockerfile.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The message for a {@code --target} no stage answers to, as one line that names the stages and
 * the nearest name: {@code no stage 'Bsae'; did you mean 'base'? stages: base, build, final}.
 * {@code docker build} fails on such a target ("target stage could not be found"); so do
 * Stagecraft's commands, instead of building the last stage. Pure; thread-safe.
 */
public final class UnknownTarget {
    /** Stage names listed in the message before it says how many more there are. */
    static final int LISTED = 12;

    private UnknownTarget() {
    }

    /** Empty when {@code wanted} is null, empty, or names a stage of {@code graph} (by name or index). */
    public static Optional<String> check(StageGraph graph, String wanted) {
        if (wanted == null || wanted.isEmpty() || graph.find(wanted).isPresent()) {
            return Optional.empty();
        }
        List<Stage> stages = graph.stages();
        if (stages.isEmpty()) {
            return Optional.of("no stage '" + wanted + "': the Dockerfile has no stage (no FROM)");
        }
        StringBuilder sb = new StringBuilder("no stage '").append(wanted).append('\'');
        nearest(stages, wanted).ifPresent(n -> sb.append("; did you mean '").append(n).append("'?"));
        if (StageGraphBuilder.isIndex(wanted)) {
            sb.append(stages.size() == 1 ? "; the only stage index is 0"
                    : "; stage indexes go from 0 to " + (stages.size() - 1));
        }
        sb.append(sb.charAt(sb.length() - 1) == '?' ? " stages: " : "; stages: ");
        int listed = Math.min(LISTED, stages.size());
        for (int i = 0; i < listed; i++) {
            sb.append(i == 0 ? "" : ", ").append(stages.get(i).reference());
        }
        if (stages.size() > listed) {
            sb.append(", \u2026 (").append(stages.size() - listed).append(" more)");
        }
        return Optional.of(sb.toString());
    }

    /** The stage name closest to {@code wanted} (optimal string alignment distance), when close enough. */
    static Optional<String> nearest(List<Stage> stages, String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Stage s : stages) {
            if (s.name() == null) {
                continue;
            }
            int d = distance(w, s.name());
            if (d < bestDistance) {
                best = s.name();
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edits (insert, delete, substitute, swap two neighbours) between {@code a} and {@code b}: the
     * usual typo distance, so "Bsae" is one edit from "base". O(|a|·|b|) time, O(|b|) memory.
     */
    static int distance(String a, String b) {
        int n = b.length();
        int[] prev2 = new int[n + 1];
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= n; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[n];
    }
}
