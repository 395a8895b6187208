package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.Change;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.report.layers.WastedFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * A file tree in a virtualised {@link TreeTableView}: name, size (a folder's is its subtree's),
 * change, and either the layer each version comes from and the bytes wasted on it
 * ({@link Kind#LAYERS}), or the size change between two images ({@link Kind#DIFF}). Added,
 * modified, removed and wasted files' rows carry pseudo-classes for the stylesheet. Folders' rows are
 * made when opened. FX thread only.
 */
final class FileTreeTable extends TreeTableView<FileNode> {
    /** Which columns the tree has. */
    enum Kind { LAYERS, DIFF }

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass WASTED = PseudoClass.getPseudoClass("wasted");
    /** Trees with at most this many nodes open completely; larger ones show their first level. */
    static final int OPEN_ALL = 120;

    private final Function<String, WastedFile> wasted;

    /**
     * @param wasted    the wasted versions of a path (null: none), for {@link Kind#LAYERS}
     * @param layerText how a layer index reads ("3 · line 14")
     */
    FileTreeTable(Kind kind, Function<String, WastedFile> wasted, Function<Integer, String> layerText) {
        this.wasted = wasted == null ? p -> null : wasted;
        getStyleClass().add("file-tree");
        setShowRoot(true);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No files"));
        TreeTableColumn<FileNode, String> name = column("Name", 320, n -> n.name() + (n.linkTarget() != null
                && n.type() == dev.stagecraft.engine.image.EntryType.SYMLINK ? " \u2192 " + n.linkTarget() : ""));
        getColumns().add(name);
        setTreeColumn(name);
        if (kind == Kind.LAYERS) {
            getColumns().add(column("Size", 90, n -> ByteSize.format(n.size())));
            getColumns().add(column("Change", 80, n -> n.change() == null ? "" : n.change().label()));
            getColumns().add(column("Layer", 90, n -> layerText.apply(n.layer())));
            getColumns().add(column("Wasted", 150, this::wastedText));
        } else {
            getColumns().add(column("Change", 80, n -> n.change() == null ? "" : n.change().label()));
            getColumns().add(column("Size change", 110, n -> ByteSize.formatChange(n.size())));
        }
        getColumns().forEach(c -> c.setSortable(false)); // the order is the model's (largest first or by name)
        setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(FileNode n, boolean empty) {
                super.updateItem(n, empty);
                Change c = empty || n == null ? null : n.change();
                pseudoClassStateChanged(ADDED, c == Change.ADDED);
                pseudoClassStateChanged(MODIFIED, c == Change.MODIFIED);
                pseudoClassStateChanged(REMOVED, c == Change.REMOVED);
                // only the files themselves stand out: a folder gives its wasted bytes below it in the column
                pseudoClassStateChanged(WASTED, !empty && n != null && !n.folder() && n.wastedBytes() > 0);
                setTooltip(empty || n == null ? null : new Tooltip(n.path() + "  " + ByteSize.format(n.size())
                        + (n.wastedBytes() > 0 ? "\nwasted " + wastedText(n) : "")));
            }
        });
    }

    private static TreeTableColumn<FileNode, String> column(String title, double width, Function<FileNode, String> text) {
        TreeTableColumn<FileNode, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null || f.getValue().getValue() == null
                ? "" : text.apply(f.getValue().getValue())));
        return c;
    }

    /** "10 kB, layers 1, 2" for a wasted path; a folder's wasted bytes below it. */
    String wastedText(FileNode n) {
        if (n.wastedBytes() <= 0) {
            return "";
        }
        WastedFile w = n.folder() ? null : wasted.apply(n.path());
        return ByteSize.format(n.wastedBytes()) + (w == null ? "" : ", layers "
                + w.layers().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** Shows {@code root} (null: none): small trees open completely, large ones at their first level. */
    void show(FileNode root) {
        if (root == null) {
            setRoot(null);
            return;
        }
        FileItem item = new FileItem(root);
        item.setExpanded(true);
        if (count(root, OPEN_ALL + 1) <= OPEN_ALL) {
            expandAll(item);
        }
        setRoot(item);
    }

    /** Selects the row of {@code path}, opening the folders above it, and scrolls to it; false if the tree has none. */
    boolean reveal(String path) {
        TreeItem<FileNode> at = getRoot();
        if (at == null || path == null) {
            return false;
        }
        while (!at.getValue().path().equals(path)) {
            TreeItem<FileNode> next = null;
            for (TreeItem<FileNode> c : at.getChildren()) {
                String p = c.getValue().path();
                if (path.equals(p) || path.startsWith(p.equals("/") ? p : p + "/")) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            at.setExpanded(true);
            at = next;
        }
        getSelectionModel().select(at);
        int row = getRow(at);
        scrollTo(Math.max(0, row - 3));
        return true;
    }

    private static void expandAll(TreeItem<FileNode> item) {
        Deque<TreeItem<FileNode>> todo = new ArrayDeque<>();
        todo.push(item);
        while (!todo.isEmpty()) {
            TreeItem<FileNode> i = todo.pop();
            if (!i.isLeaf()) {
                i.setExpanded(true);
                i.getChildren().forEach(todo::push);
            }
        }
    }

    /** Nodes in the tree, counting no further than {@code limit}. */
    static int count(FileNode root, int limit) {
        int n = 0;
        Deque<FileNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty() && n < limit) {
            FileNode f = todo.pop();
            n++;
            f.children().forEach(todo::push);
        }
        return n;
    }
}
