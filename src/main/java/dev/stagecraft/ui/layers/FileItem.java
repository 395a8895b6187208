package dev.stagecraft.ui.layers;

import dev.stagecraft.report.layers.FileNode;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree row for a {@link FileNode} whose children are made the first time they are asked for
 * (opening a folder), so a tree of 10,000 paths costs only the rows a user opens. FX thread only.
 */
final class FileItem extends TreeItem<FileNode> {
    private boolean made;

    FileItem(FileNode node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return getValue().children().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<FileNode>> getChildren() {
        if (!made) {
            made = true;
            super.getChildren().setAll(getValue().children().stream().map(FileItem::new).toList());
        }
        return super.getChildren();
    }
}
