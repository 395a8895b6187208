package dev.stagecraft.ui.sizes;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.Change;
import dev.stagecraft.report.layers.FileDiff;
import dev.stagecraft.report.layers.ImageDiff;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.report.layers.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in the final image since the last build, in a few lines a user reads at a glance:
 * the differing paths grouped by the Dockerfile line whose layer holds the new version (removed
 * paths apart), each group's bytes and the folder its paths share — "+1.2 MB: /usr/lib/… (35
 * files) from line 14". Largest change first. Pure; any thread.
 */
public final class SizeChanges {
    private SizeChanges() {
    }

    /** One group of changed paths. */
    public record Group(Integer line, boolean removed, long delta, int files, String path) {
        /** "+1.2 MB: /usr/lib/… (35 files) from line 14". */
        public String text() {
            String where = removed ? " removed" : line == null ? " from the base image" : " from line " + line;
            return ByteSize.formatChange(delta) + ": " + path + (files > 1 ? " (" + files + " files)" : "") + where;
        }
    }

    /**
     * @param diff  the previous final image (A) against the new one (B)
     * @param after B's layers report with its lines ({@link LayersReport#withOrigins})
     * @param limit how many groups to keep
     */
    public static List<Group> of(ImageDiff diff, LayersReport after, int limit) {
        Map<String, Integer> layerOf = new HashMap<>();
        int last = after.layers().size() - 1;
        if (last >= 0) {
            for (Version v : LayerAnalysis.filesystemAt(after.image(), last)) {
                layerOf.put(v.entry().path(), v.layer());
            }
        }
        Map<List<Object>, List<FileDiff>> groups = new LinkedHashMap<>();
        for (FileDiff f : diff.files()) {
            boolean removed = f.change() == Change.REMOVED;
            Integer layer = removed ? null : layerOf.get(f.path());
            Integer line = layer == null ? null : after.layers().get(layer).line();
            groups.computeIfAbsent(java.util.Arrays.asList(removed, line), k -> new ArrayList<>()).add(f);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((key, files) -> {
            long delta = files.stream().mapToLong(FileDiff::delta).sum();
            out.add(new Group((Integer) key.get(1), (Boolean) key.get(0), delta, files.size(),
                    shared(files.stream().map(FileDiff::path).filter(Objects::nonNull).toList())));
        });
        out.sort(Comparator.comparingLong((Group g) -> Math.abs(g.delta())).reversed()
                .thenComparing(Group::files, Comparator.reverseOrder()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The one path, or the folder the paths share followed by "…" ("/usr/lib/…"). */
    static String shared(List<String> paths) {
        if (paths.size() == 1) {
            return paths.get(0);
        }
        String prefix = paths.get(0);
        for (String p : paths) {
            int n = 0;
            while (n < prefix.length() && n < p.length() && prefix.charAt(n) == p.charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        int slash = prefix.lastIndexOf('/');
        return (slash <= 0 ? "/" : prefix.substring(0, slash + 1)) + "\u2026";
    }
}
