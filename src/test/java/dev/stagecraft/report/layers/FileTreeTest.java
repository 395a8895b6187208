package dev.stagecraft.report.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** File trees with folder sizes, filtering and sorting; the build report's files per copy and composition. */
class FileTreeTest {

    static LayersReport report() throws Exception {
        return LayerAnalysis.analyse(LayerAnalysisTest.image(false,
                new Exports.Tar().dir("usr").dir("usr/lib").file("usr/lib/big.so", 9000).file("usr/lib/small.so", 100)
                        .file("usr/readme", 50).bytes(),
                new Exports.Tar().dir("usr").dir("usr/lib").file("usr/lib/small.so", 300).file("app", 1000)
                        .whiteout("usr/readme").bytes()));
    }

    @Test
    void theWholeFilesystemUpToALayerAddsUpFolderSizesAndMarksWaste() throws Exception {
        LayersReport r = report();
        FileNode root = FileTree.ofFilesystem(r, 1);
        assertEquals(9000 + 300 + 1000, root.size());
        FileNode lib = root.find("/usr/lib").orElseThrow();
        assertEquals(9300, lib.size());
        assertEquals(100, lib.wastedBytes(), "the first small.so");
        assertEquals(100, root.find("/usr/lib/small.so").orElseThrow().wastedBytes());
        assertEquals(1, root.find("/usr/lib/small.so").orElseThrow().layer());
        assertEquals(List.of("app", "usr"), root.children().stream().map(FileNode::name).toList());
        assertEquals(List.of("usr", "app"), root.sorted(FileNode.BY_SIZE).children().stream().map(FileNode::name).toList());
        assertEquals(9150, FileTree.ofFilesystem(r, 0).size(), "before layer 1");
        assertEquals(List.of("/usr/lib/big.so", "/app"), root.largestFiles(2).stream().map(FileNode::path).toList());
    }

    @Test
    void aLayersOwnChangesFilterByPath() throws Exception {
        FileNode layer = FileTree.ofLayer(report(), 1);
        assertEquals(Change.REMOVED, layer.find("/usr/readme").orElseThrow().change());
        assertEquals(Change.MODIFIED, layer.find("/usr/lib/small.so").orElseThrow().change());
        assertEquals(Change.ADDED, layer.find("/app").orElseThrow().change());
        FileNode lib = layer.filter("SMALL").orElseThrow();
        assertEquals(List.of("usr"), lib.children().stream().map(FileNode::name).toList());
        assertEquals(300, lib.size(), "sizes over what the filter kept");
        assertTrue(layer.filter("nothing-like-this").isEmpty());
    }

    @Test
    void aVeryDeepPathNeitherOverflowsTheAnalysisNorTheTree() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            deep.append(i == 0 ? "" : "/").append('d');
        }
        LayersReport r = LayerAnalysis.analyse(LayerAnalysisTest.image(false,
                new Exports.Tar().file(deep + "/f", 10).bytes(), new Exports.Tar().whiteout("d").bytes()));
        assertEquals(10, r.wastedBytes());
        FileNode tree = FileTree.ofLayer(r, 0);
        assertEquals(10, tree.size());
        assertEquals(EntryType.DIR, tree.find("/d/d/d").orElseThrow().type());
        assertEquals(10, tree.sorted(FileNode.BY_SIZE).filter("f").orElseThrow().size());
    }

    @Test
    void theBuildReportGetsTheFilesEachCopyCarriedAndTheFinalComposition() throws Exception {
        // the final stage: FROM busybox-like base (layer 0), COPY --from=0 at line 8 (layer 1), RUN at line 9 (layer 2)
        ImageContent fin = LayerAnalysisTest.image(false,
                new Exports.Tar().file("bin/sh", 500).bytes(),
                new Exports.Tar().dir("app").file("app/hello", 700).symlink("app/hi", "hello").bytes(),
                new Exports.Tar().file("app/config", 30).bytes());
        LayersReport layers = LayerAnalysis.analyse(fin);
        StageSize finalStage = new StageSize(1, null, fin.id(), fin.size(), true, List.of(
                new LayerSize(500, "ADD rootfs /", null), new LayerSize(705, "COPY /out /app # buildkit", 8),
                new LayerSize(30, "RUN make config", 9)));
        StageSize builder = new StageSize(0, "builder", "sha256:b", 1_000_000, true, List.of());
        CopySize copy = new CopySize(0, 1, 8, 705);
        SizeReport report = new SizeReport(fin.id(), "1", "buildkit", 1.0, List.of(builder, finalStage), 1,
                List.of(copy));
        assertEquals(new Composition(500, 705, 30), Composition.of(report));
        assertEquals(List.of(new CopiedFiles.File("/app/hello", 700), new CopiedFiles.File("/app/hi", 5)),
                CopiedFiles.of(report, copy, layers).orElseThrow().files());
        JsonNode j = new ObjectMapper().readTree(BuildLayersJson.render(report, Map.of(1, layers)));
        assertEquals("[{\"path\":\"/app/hello\",\"size\":700},{\"path\":\"/app/hi\",\"size\":5}]",
                j.get("copies").get(0).get("files").toString());
        assertEquals("{\"base\":500,\"copied\":705,\"own\":30}", j.get("final").get("composition").toString());
        assertEquals(8, j.get("copies").get(0).get("line").asInt(), "the size report's fields stay");
        assertEquals("buildkit", j.get("builder").asText());
    }
}
