package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.EntryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A node of a file tree ({@link FileTree}): a path with its type, mode, size and, depending on the
 * tree, the change a layer made to it or the layer its visible version comes from. A folder's
 * {@code size} and {@code wastedBytes} add up its whole subtree. Folders a layer did not list
 * itself (the parents of its paths) have type DIR and no change. Children are sorted by name.
 * Immutable; every method returns a new tree.
 *
 * @param layer       the layer of this version (null for implied folders)
 * @param wastedBytes bytes shipped for this path (or under it) and hidden by a later layer
 */
public record FileNode(String name, String path, EntryType type, int mode, long size, String linkTarget,
                       Change change, Integer layer, long wastedBytes, List<FileNode> children) {
    /** Largest first, then by name. */
    public static final Comparator<FileNode> BY_SIZE = Comparator.comparingLong(FileNode::size).reversed()
            .thenComparing(FileNode::name);
    public static final Comparator<FileNode> BY_NAME = Comparator.comparing(FileNode::name);

    public FileNode {
        children = List.copyOf(children);
    }

    public boolean folder() {
        return type == EntryType.DIR;
    }

    /** The same tree with every folder's children in {@code order}. */
    public FileNode sorted(Comparator<FileNode> order) {
        List<FileNode> kids = new ArrayList<>();
        for (FileNode c : children) {
            kids.add(c.sorted(order));
        }
        kids.sort(order);
        return new FileNode(name, path, type, mode, size, linkTarget, change, layer, wastedBytes, kids);
    }

    /**
     * The paths containing {@code text} (any case) and the folders leading to them, with folder
     * sizes summed over what is kept; empty when nothing matches. A matching folder keeps its
     * whole subtree.
     */
    public Optional<FileNode> filter(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        if (needle.isEmpty() || path.toLowerCase(Locale.ROOT).contains(needle)) {
            return Optional.of(this);
        }
        List<FileNode> kept = new ArrayList<>();
        for (FileNode c : children) {
            c.filter(text).ifPresent(kept::add);
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        long sum = kept.stream().mapToLong(FileNode::size).sum();
        long wasted = kept.stream().mapToLong(FileNode::wastedBytes).sum();
        return Optional.of(new FileNode(name, path, type, mode, sum, linkTarget, change, layer, wasted, kept));
    }

    /** The node at an absolute path, if the tree has it. */
    public Optional<FileNode> find(String absolute) {
        if (absolute.equals(path)) {
            return Optional.of(this);
        }
        String prefix = path.equals("/") ? "/" : path + "/";
        if (!absolute.startsWith(prefix)) {
            return Optional.empty();
        }
        for (FileNode c : children) {
            Optional<FileNode> f = c.find(absolute);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The {@code n} largest non-folders under this node, largest first. */
    public List<FileNode> largestFiles(int n) {
        PriorityQueue<FileNode> top = new PriorityQueue<>(Comparator.comparingLong(FileNode::size));
        collect(this, top, n);
        List<FileNode> out = new ArrayList<>(top);
        out.sort(BY_SIZE);
        return out;
    }

    private static void collect(FileNode node, PriorityQueue<FileNode> top, int n) {
        for (FileNode c : node.children) {
            if (c.folder()) {
                collect(c, top, n);
            } else if (n > 0) {
                top.add(c);
                if (top.size() > n) {
                    top.poll();
                }
            }
        }
    }
}
