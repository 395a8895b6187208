package dev.stagecraft.ui.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.report.layers.FileNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The squarified layout: areas follow bytes, nothing overlaps, children stay inside their folder. */
class TreemapLayoutTest {
    static FileNode file(String path, long size) {
        return new FileNode(path.substring(path.lastIndexOf('/') + 1), path, EntryType.FILE, 0644, size, null, null, 0,
                0, List.of());
    }

    static FileNode dir(String path, FileNode... kids) {
        long size = 0;
        for (FileNode k : kids) {
            size += k.size();
        }
        return new FileNode(path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1), path, EntryType.DIR,
                0755, size, null, null, null, 0, List.of(kids));
    }

    @Test
    void areasFollowBytesAndNothingOverlaps() {
        List<FileNode> kids = new ArrayList<>();
        long[] sizes = {600, 300, 50, 30, 15, 5};
        for (int i = 0; i < sizes.length; i++) {
            kids.add(file("/f" + i, sizes[i]));
        }
        FileNode root = dir("/", kids.toArray(FileNode[]::new));
        List<TreemapLayout.Tile> tiles = TreemapLayout.layout(root, 0, 0, 400, 250, 1, 0);
        assertEquals(6, tiles.size());
        double area = 400 * 250;
        for (TreemapLayout.Tile t : tiles) {
            assertEquals(area * t.node().size() / 1000, t.w() * t.h(), 1e-6, t.node().path());
            assertTrue(t.x() >= -1e-9 && t.y() >= -1e-9 && t.x() + t.w() <= 400 + 1e-9 && t.y() + t.h() <= 250 + 1e-9);
        }
        for (int i = 0; i < tiles.size(); i++) {
            for (int j = i + 1; j < tiles.size(); j++) {
                assertTrue(!overlap(tiles.get(i), tiles.get(j)), tiles.get(i) + " / " + tiles.get(j));
            }
        }
        TreemapLayout.Tile big = tiles.get(0);
        assertTrue(Math.max(big.w() / big.h(), big.h() / big.w()) < 3, "squarified: the largest is not a sliver");
    }

    @Test
    void foldersHoldTheirChildrenBelowTheirName() {
        FileNode usr = dir("/usr", file("/usr/a", 700), file("/usr/b", 100));
        FileNode root = dir("/", usr, file("/big", 200), file("/empty", 0));
        List<TreemapLayout.Tile> tiles = TreemapLayout.layout(root, 0, 0, 300, 200, 2, 3);
        assertEquals(List.of("/usr", "/usr/a", "/usr/b", "/big"), tiles.stream().map(t -> t.node().path()).toList(),
                "parents before children; empty files take no room");
        TreemapLayout.Tile folder = tiles.get(0);
        for (TreemapLayout.Tile t : tiles.subList(1, 3)) {
            assertEquals(2, t.depth());
            assertTrue(t.y() >= folder.y() + TreemapLayout.HEADER - 1e-9 && t.x() >= folder.x()
                    && t.x() + t.w() <= folder.x() + folder.w() + 1e-9 && t.y() + t.h() <= folder.y() + folder.h() + 1e-9);
        }
    }

    private static boolean overlap(TreemapLayout.Tile a, TreemapLayout.Tile b) {
        double eps = 1e-6;
        return a.x() + eps < b.x() + b.w() && b.x() + eps < a.x() + a.w() && a.y() + eps < b.y() + b.h()
                && b.y() + eps < a.y() + a.h();
    }
}
