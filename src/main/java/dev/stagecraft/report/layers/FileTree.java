package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * File trees for the Layers view, the treemap and comparisons, built off the FX thread from a
 * {@link LayersReport} or an {@link ImageDiff}: a layer's own changes, the whole filesystem up to
 * a layer, or the paths two images differ in. Folder sizes are summed. Pure functions; O(entries).
 */
public final class FileTree {
    private FileTree() {
    }

    /** What one layer added, modified and removed, in a tree (a removed folder's size is what it hid). */
    public static FileNode ofLayer(LayersReport report, int layer) {
        Map<String, Long> wasted = wastedByPath(report);
        Builder b = new Builder();
        for (FileChange f : report.layers().get(layer).files()) {
            b.put(f.path(), f.type(), f.mode(), f.type() == EntryType.DIR && f.change() != Change.REMOVED ? 0 : f.size(),
                    f.linkTarget(), f.change(), layer, wasted.getOrDefault(f.path(), 0L));
        }
        return b.build();
    }

    /**
     * The filesystem a container sees with layers 0..{@code upTo}: each path with the layer its
     * version comes from, and the bytes earlier versions of it wasted (in the whole image).
     */
    public static FileNode ofFilesystem(LayersReport report, int upTo) {
        Map<String, Long> wasted = wastedByPath(report);
        Builder b = new Builder();
        for (Version v : LayerAnalysis.filesystemAt(report.image(), upTo)) {
            var e = v.entry();
            b.put(e.path(), e.type(), e.mode(), v.bytes(), e.linkTarget(), null, v.layer(),
                    wasted.getOrDefault(e.path(), 0L));
        }
        return b.build();
    }

    /** The paths two images differ in; each node's size is B's size minus A's (summed for folders). */
    public static FileNode ofDiff(ImageDiff diff) {
        Builder b = new Builder();
        for (FileDiff f : diff.files()) {
            b.put(f.path(), EntryType.FILE, 0, f.delta(), null, f.change(), null, 0);
        }
        return b.build();
    }

    private static Map<String, Long> wastedByPath(LayersReport report) {
        Map<String, Long> m = new HashMap<>();
        report.wasted().forEach(w -> m.put(w.path(), w.bytes()));
        return m;
    }

    /** Collects paths, then freezes them into nodes, children first. */
    private static final class Builder {
        private record Item(EntryType type, int mode, long size, String linkTarget, Change change, Integer layer,
                            long wasted) {
        }

        private static final Item IMPLIED = new Item(EntryType.DIR, 0755, 0, null, null, null, 0);
        private final TreeMap<String, Item> items = new TreeMap<>();
        private final Map<String, List<String>> children = new HashMap<>();

        void put(String path, EntryType type, int mode, long size, String linkTarget, Change change, Integer layer,
                 long wasted) {
            Item old = items.put(path, new Item(type, mode, size, linkTarget, change, layer, wasted));
            if (old == null) {
                link(path);
            }
        }

        /** Adds {@code path} to its parent's children, making the folders above it that nobody listed. */
        private void link(String path) {
            String p = path;
            while (!p.equals("/")) {
                int slash = p.lastIndexOf('/');
                String parent = slash == 0 ? "/" : p.substring(0, slash);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
                if (parent.equals("/") || items.containsKey(parent)) {
                    return;
                }
                items.put(parent, IMPLIED);
                p = parent;
            }
        }

        FileNode build() {
            return node("/", items.getOrDefault("/", IMPLIED));
        }

        private FileNode node(String path, Item item) {
            List<FileNode> kids = new ArrayList<>();
            long size = item.size();
            long wasted = item.wasted();
            for (String c : children.getOrDefault(path, List.of())) {
                FileNode k = node(c, items.get(c));
                kids.add(k);
                size += k.size();
                wasted += k.wastedBytes();
            }
            kids.sort(FileNode.BY_NAME);
            String name = path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
            return new FileNode(name, path, item.type(), item.mode(), size, item.linkTarget(), item.change(),
                    item.layer(), wasted, kids);
        }
    }
}
