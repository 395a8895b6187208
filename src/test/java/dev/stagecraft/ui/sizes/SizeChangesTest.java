package dev.stagecraft.ui.sizes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.engine.image.ExportReader;
import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.report.layers.ImageDiff;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayerOrigin;
import dev.stagecraft.report.layers.LayersReport;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "What changed since the last build": grouped by the line that made the new versions, largest first. */
class SizeChangesTest {
    static ImageContent image(byte[]... layers) throws Exception {
        List<String> history = Arrays.stream(layers).map(l -> "RUN x").toList();
        return new ExportReader(new ReadControl(true, null))
                .read(new ByteArrayInputStream(Exports.dockerArchive(List.of(layers), history)), null);
    }

    @Test
    void changesAreGroupedByTheLineWhoseLayerHoldsThem() throws Exception {
        byte[] base = new Exports.Tar().dir("etc").file("etc/os-release", 100).bytes();
        ImageContent before = image(base,
                new Exports.Tar().dir("usr").dir("usr/lib").file("usr/lib/a.so", 1000).file("usr/lib/old.so", 50).bytes(),
                new Exports.Tar().file("app", 10).bytes());
        ImageContent after = image(base,
                new Exports.Tar().dir("usr").dir("usr/lib").file("usr/lib/a.so", 1_200_000).file("usr/lib/b.so", 3000).bytes(),
                new Exports.Tar().file("app", 10).bytes());
        LayersReport now = LayerAnalysis.analyse(after).withOrigins(List.of(new LayerOrigin(null, null),
                new LayerOrigin(1, 14), new LayerOrigin(1, 15)));
        List<SizeChanges.Group> groups = SizeChanges.of(ImageDiff.of(before, now.image()), now, 5);
        assertEquals(List.of("+1.2 MB: /usr/lib/\u2026 (2 files) from line 14", "-50 B: /usr/lib/old.so removed"),
                groups.stream().map(SizeChanges.Group::text).toList());
    }

    @Test
    void theSharedFolderOfPaths() {
        assertEquals("/usr/lib/\u2026", SizeChanges.shared(List.of("/usr/lib/x86/a", "/usr/lib/b")));
        assertEquals("/\u2026", SizeChanges.shared(List.of("/a", "/b")));
        assertEquals("/only", SizeChanges.shared(List.of("/only")));
    }
}
