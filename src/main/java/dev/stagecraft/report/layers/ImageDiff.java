package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.LayerEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two images' final filesystems compared path by path. A file's content is compared only when
 * size, type, mode and target agree and the two versions come from different layers (a layer with
 * the same diff id holds the same bytes): by the SHA-256 the read computed, so read both images
 * with hashing on. Immutable; {@link #of} is a pure function, O(entries).
 *
 * @param sizeDelta B's size minus A's
 * @param files     the differing paths, sorted
 */
public record ImageDiff(Side a, Side b, long sizeDelta, List<FileDiff> files) {
    /** One image of the comparison: its id, tags and size. */
    public record Side(String image, List<String> tags, long size) {
        public Side {
            tags = List.copyOf(tags);
        }
    }

    public ImageDiff {
        files = List.copyOf(files);
    }

    public static ImageDiff of(ImageContent a, ImageContent b) {
        Map<String, Version> fa = finalFiles(a);
        Map<String, Version> fb = finalFiles(b);
        TreeMap<String, FileDiff> out = new TreeMap<>();
        for (Map.Entry<String, Version> e : fa.entrySet()) {
            Version vb = fb.get(e.getKey());
            LayerEntry ea = e.getValue().entry();
            if (vb == null) {
                out.put(e.getKey(), new FileDiff(e.getKey(), Change.REMOVED, size(ea), null));
            } else if (differs(a, e.getValue(), b, vb)) {
                out.put(e.getKey(), new FileDiff(e.getKey(), Change.MODIFIED, size(ea), size(vb.entry())));
            }
        }
        for (Map.Entry<String, Version> e : fb.entrySet()) {
            if (!fa.containsKey(e.getKey())) {
                out.put(e.getKey(), new FileDiff(e.getKey(), Change.ADDED, null, size(e.getValue().entry())));
            }
        }
        return new ImageDiff(new Side(a.id(), a.tags(), a.size()), new Side(b.id(), b.tags(), b.size()),
                b.size() - a.size(), new ArrayList<>(out.values()));
    }

    private static Map<String, Version> finalFiles(ImageContent image) {
        Map<String, Version> m = new HashMap<>();
        for (Version v : LayerAnalysis.filesystemAt(image, image.layers().size() - 1)) {
            m.put(v.entry().path(), v);
        }
        return m;
    }

    private static boolean differs(ImageContent a, Version va, ImageContent b, Version vb) {
        LayerEntry x = va.entry();
        LayerEntry y = vb.entry();
        if (x.type() != y.type() || x.mode() != y.mode() || x.size() != y.size()
                || !Objects.equals(x.linkTarget(), y.linkTarget())) {
            return true;
        }
        if (x.type() != EntryType.FILE) {
            return false;
        }
        if (a.layers().get(va.layer()).diffId().equals(b.layers().get(vb.layer()).diffId())) {
            return false; // the same layer: the same bytes
        }
        return x.sha256() != null && y.sha256() != null && !x.sha256().equals(y.sha256());
    }

    private static Long size(LayerEntry e) {
        return e.size();
    }
}
