package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.engine.image.LayerEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The union filesystem of an image's layers as they are stacked one by one, the way overlay2
 * shows it: a later entry replaces the path (a non-directory replacing a directory takes its whole
 * subtree), a whiteout removes a path and what is under it, an opaque directory hides what the
 * layers below had in it. Every version that stops being visible is handed to a
 * {@link Shadowed} listener with the layer that hid it, once. Paths are kept sorted so a subtree
 * is a range. Not thread-safe: one owner.
 */
final class Filesystem {
    /** Told of each version that a later layer hid. */
    interface Shadowed {
        void hidden(Version version, int byLayer);
    }

    private final TreeMap<String, Version> paths = new TreeMap<>();
    private final Shadowed shadowed;

    Filesystem(Shadowed shadowed) {
        this.shadowed = shadowed;
    }

    Version get(String path) {
        return paths.get(path);
    }

    boolean contains(String path) {
        return paths.containsKey(path);
    }

    /** Every visible path, sorted. */
    Collection<Version> versions() {
        return paths.values();
    }

    /** What is under {@code dir} (not {@code dir} itself), sorted. */
    NavigableMap<String, Version> under(String dir) {
        if (dir.equals("/")) {
            return paths.tailMap("/", false);
        }
        return paths.subMap(dir + "/", true, dir + "0", false); // '0' follows '/'
    }

    /**
     * The paths directly under {@code dir}, also those no layer listed itself (the folders of a
     * tar that names only files), in order.
     */
    List<String> children(String dir) {
        List<String> out = new ArrayList<>();
        String prefix = dir.equals("/") ? "/" : dir + "/";
        String last = null;
        for (String p : under(dir).keySet()) {
            int slash = p.indexOf('/', prefix.length());
            String child = slash < 0 ? p : p.substring(0, slash);
            if (!child.equals(last)) {
                out.add(child);
                last = child;
            }
        }
        return out;
    }

    /** Whether {@code path} is visible, listed or as the folder of something visible. */
    boolean exists(String path) {
        return paths.containsKey(path) || !under(path).isEmpty();
    }

    /** Removes {@code path} and everything under it; returns the removed versions' counted bytes. */
    long remove(String path, int byLayer) {
        long bytes = clear(path, byLayer);
        Version v = paths.remove(path);
        if (v != null) {
            bytes += v.bytes();
            shadowed.hidden(v, byLayer);
        }
        return bytes;
    }

    /** Removes everything under {@code dir}, keeping {@code dir}; returns the removed bytes. */
    long clear(String dir, int byLayer) {
        NavigableMap<String, Version> sub = under(dir);
        long bytes = 0;
        for (Version v : sub.values()) {
            bytes += v.bytes();
            shadowed.hidden(v, byLayer);
        }
        sub.clear();
        return bytes;
    }

    /** Puts a layer's (non-removal) entry in place; returns the version it replaced, or null. */
    Version put(int layer, LayerEntry entry, long bytes) {
        Version old = paths.get(entry.path());
        if (old != null) {
            if (old.entry().type() == EntryType.DIR && entry.type() != EntryType.DIR) {
                clear(entry.path(), layer);
            }
            shadowed.hidden(old, layer);
        }
        paths.put(entry.path(), new Version(layer, entry, bytes));
        return old;
    }
}
