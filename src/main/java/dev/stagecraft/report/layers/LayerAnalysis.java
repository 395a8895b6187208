package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ImageLayer;
import dev.stagecraft.engine.image.LayerEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stacks an image's layers as overlay2 does and says what each one changed and what was shipped
 * for nothing. A layer's entry is "added" when the layers below did not show its path, else
 * "modified" (as {@code docker diff} says "C" for a directory whose content changed); a whiteout
 * is a removal of what it hides, an opaque directory a removal of each child below that the
 * layer does not bring back. Wasted bytes are the counted bytes of every version a later layer
 * hid, once each; a file version hidden under one name but still visible through a hard link of
 * the same layer is not wasted. Pure functions of their input, O(entries); thread-safe.
 */
public final class LayerAnalysis {
    private LayerAnalysis() {
    }

    private record Hidden(Version version, int byLayer) {
    }

    public static LayersReport analyse(ImageContent image) {
        List<Hidden> hidden = new ArrayList<>();
        Filesystem fs = new Filesystem((v, by) -> {
            if (v.bytes() > 0) {
                hidden.add(new Hidden(v, by));
            }
        });
        List<LayerReport> layers = new ArrayList<>();
        for (ImageLayer layer : image.layers()) {
            layers.add(apply(fs, layer));
        }
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Set<Integer>> involved = new HashMap<>();
        long wastedBytes = 0;
        Map<Integer, Map<String, List<String>>> linksByLayer = new HashMap<>();
        for (Hidden h : hidden) {
            LayerEntry e = h.version().entry();
            if (e.type() == EntryType.FILE && visibleThroughLink(image, fs, h.version(), linksByLayer)) {
                continue;
            }
            bytes.merge(e.path(), h.version().bytes(), Long::sum);
            Set<Integer> ls = involved.computeIfAbsent(e.path(), p -> new TreeSet<>());
            ls.add(h.version().layer());
            ls.add(h.byLayer());
            wastedBytes += h.version().bytes();
        }
        List<WastedFile> wasted = new ArrayList<>();
        bytes.forEach((p, b) -> wasted.add(new WastedFile(p, b, new ArrayList<>(involved.get(p)))));
        wasted.sort(Comparator.comparingLong(WastedFile::bytes).reversed().thenComparing(WastedFile::path));
        return new LayersReport(image, layers, wasted, wastedBytes);
    }

    /** The filesystem a container would see with layers 0..{@code upTo} stacked: each visible path's version. */
    public static List<Version> filesystemAt(ImageContent image, int upTo) {
        Filesystem fs = new Filesystem((v, by) -> { });
        for (ImageLayer layer : image.layers()) {
            if (layer.index() > upTo) {
                break;
            }
            apply(fs, layer);
        }
        return new ArrayList<>(fs.versions());
    }

    private static LayerReport apply(Filesystem fs, ImageLayer layer) {
        int i = layer.index();
        List<LayerEntry> entries = layer.content().entries();
        Set<String> present = new HashSet<>();
        boolean[] existed = new boolean[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            LayerEntry e = entries.get(k);
            if (!e.type().removal()) {
                present.add(e.path());
                existed[k] = fs.contains(e.path());
            }
        }
        List<FileChange> files = new ArrayList<>();
        int added = 0;
        int modified = 0;
        int removed = 0;
        // removals apply to the layers below, so before this layer's own entries
        for (LayerEntry e : entries) {
            if (e.type() == EntryType.WHITEOUT) {
                if (fs.exists(e.path())) {
                    FileChange gone = removal(fs, e.path());
                    fs.remove(e.path(), i);
                    files.add(gone);
                    removed++;
                }
            } else if (e.type() == EntryType.OPAQUE) {
                for (String child : fs.children(e.path())) {
                    if (!present.contains(child)) {
                        files.add(removal(fs, child));
                        removed++;
                    }
                }
                fs.clear(e.path(), i);
            }
        }
        for (int k = 0; k < entries.size(); k++) {
            LayerEntry e = entries.get(k);
            if (e.type().removal()) {
                continue;
            }
            fs.put(i, e, layer.countedBytes(e));
            Change c = existed[k] ? Change.MODIFIED : Change.ADDED;
            if (c == Change.ADDED) {
                added++;
            } else {
                modified++;
            }
            files.add(new FileChange(e.path(), e.type(), e.mode(), e.size(), e.linkTarget(), c));
        }
        files.sort(Comparator.comparing(FileChange::path));
        return new LayerReport(i, layer.diffId(), layer.size(), layer.createdBy(), null, null, files, added, modified,
                removed);
    }

    /** A removal of what {@code path} shows now: its type and mode (a folder if only implied), the bytes it hides. */
    private static FileChange removal(Filesystem fs, String path) {
        Version v = fs.get(path);
        long bytes = v == null ? 0 : v.bytes();
        for (Version d : fs.under(path).values()) {
            bytes += d.bytes();
        }
        if (v == null) {
            return new FileChange(path, EntryType.DIR, 0755, bytes, null, Change.REMOVED);
        }
        LayerEntry e = v.entry();
        return new FileChange(path, e.type(), e.mode(), bytes, e.linkTarget(), Change.REMOVED);
    }

    private static boolean visibleThroughLink(ImageContent image, Filesystem fin, Version file,
                                              Map<Integer, Map<String, List<String>>> linksByLayer) {
        Map<String, List<String>> links = linksByLayer.computeIfAbsent(file.layer(), l -> {
            Map<String, List<String>> m = new HashMap<>();
            for (LayerEntry e : image.layers().get(l).content().entries()) {
                if (e.type() == EntryType.HARDLINK) {
                    m.computeIfAbsent(e.linkTarget(), t -> new ArrayList<>()).add(e.path());
                }
            }
            return m;
        });
        for (String p : links.getOrDefault(file.entry().path(), List.of())) {
            Version now = fin.get(p);
            if (now != null && now.layer() == file.layer() && now.entry().type() == EntryType.HARDLINK) {
                return true;
            }
        }
        return false;
    }
}
