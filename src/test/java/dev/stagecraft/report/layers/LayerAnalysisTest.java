package dev.stagecraft.report.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.engine.image.EntryType;
import dev.stagecraft.engine.image.ExportReader;
import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ReadControl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers made in memory: what each changed, what was wasted, how two images differ. */
class LayerAnalysisTest {
    static ImageContent image(boolean hash, byte[]... layers) throws IOException {
        List<String> history = new ArrayList<>(Collections.nCopies(layers.length, "RUN x"));
        return new ExportReader(new ReadControl(hash, null))
                .read(new ByteArrayInputStream(Exports.dockerArchive(List.of(layers), history)), null);
    }

    static FileChange change(LayerReport l, String path) {
        return l.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError(path + " not in layer " + l.index() + ": " + l.files()));
    }

    @Test
    void aFileWrittenThenDeletedIsWastedOnceWithBothLayers() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("keep", 100).bytes(),
                new Exports.Tar().dir("tmp").file("tmp/big", 10_000).bytes(),
                new Exports.Tar().dir("tmp").whiteout("tmp/big").bytes()));
        assertEquals(List.of(new WastedFile("/tmp/big", 10_000, List.of(1, 2))), r.wasted());
        assertEquals(10_000, r.wastedBytes());
        assertEquals(10_100, r.size());
        assertEquals(100.0 / 10_100, r.efficiency(), 1e-12);
        LayerReport l2 = r.layers().get(2);
        assertEquals(Change.REMOVED, change(l2, "/tmp/big").change());
        assertEquals(EntryType.FILE, change(l2, "/tmp/big").type());
        assertEquals(10_000, change(l2, "/tmp/big").size());
        assertEquals(Change.MODIFIED, change(l2, "/tmp").change(), "a directory whose content changed, as docker diff says");
        assertEquals(List.of(0, 1, 1), List.of(l2.added(), l2.modified(), l2.removed()));
    }

    @Test
    void anOverwrittenFileWastesItsOlderVersionsEachOnce() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("f", 500).bytes(),
                new Exports.Tar().file("f", 700).bytes(),
                new Exports.Tar().file("f", 300).bytes()));
        assertEquals(List.of(new WastedFile("/f", 1200, List.of(0, 1, 2))), r.wasted());
        assertEquals(Change.ADDED, change(r.layers().get(0), "/f").change());
        assertEquals(Change.MODIFIED, change(r.layers().get(2), "/f").change());
        assertEquals(300, r.visibleBytes());
    }

    @Test
    void anOpaqueDirectoryRemovesWhatItDoesNotBringBack() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().dir("opq").dir("opq/old").file("opq/old/f", 2000).file("opq/g", 2)
                        .file("opq/same", 10).bytes(),
                new Exports.Tar().dir("opq").opaque("opq").file("opq/n", 4).file("opq/same", 10).bytes()));
        LayerReport l1 = r.layers().get(1);
        assertEquals(Change.REMOVED, change(l1, "/opq/old").change());
        assertEquals(2000, change(l1, "/opq/old").size(), "a removed folder says what it hid");
        assertEquals(Change.REMOVED, change(l1, "/opq/g").change());
        assertEquals(Change.MODIFIED, change(l1, "/opq/same").change());
        assertEquals(Change.ADDED, change(l1, "/opq/n").change());
        assertEquals(2, l1.removed());
        assertEquals(List.of(new WastedFile("/opq/old/f", 2000, List.of(0, 1)), new WastedFile("/opq/same", 10,
                List.of(0, 1)), new WastedFile("/opq/g", 2, List.of(0, 1))), r.wasted());
        List<String> visible = LayerAnalysis.filesystemAt(r.image(), 1).stream().map(v -> v.entry().path()).toList();
        assertEquals(List.of("/opq", "/opq/n", "/opq/same"), visible);
        assertEquals(List.of("/opq", "/opq/g", "/opq/old", "/opq/old/f", "/opq/same"),
                LayerAnalysis.filesystemAt(r.image(), 0).stream().map(v -> v.entry().path()).toList());
    }

    @Test
    void aFileStillVisibleThroughAHardLinkIsNotWasted() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("hl1", 4000).hardlink("hl2", "hl1").symlink("sl", "/hl1").bytes(),
                new Exports.Tar().whiteout("hl1").bytes()));
        assertEquals(List.of(), r.wasted().stream().filter(w -> w.path().equals("/hl1")).toList());
        assertEquals(4004, r.layers().get(0).size(), "file bytes once, the symlink's target length");
        LayersReport gone = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("hl1", 4000).hardlink("hl2", "hl1").bytes(),
                new Exports.Tar().whiteout("hl1").whiteout("hl2").bytes()));
        assertEquals(List.of(new WastedFile("/hl1", 4000, List.of(0, 1))), gone.wasted());
    }

    @Test
    void aFileReplacingAFolderHidesItsWholeSubtree() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().dir("d").file("d/a", 10).dir("d/e").file("d/e/b", 20).bytes(),
                new Exports.Tar().file("d", 5).bytes()));
        assertEquals(30, r.wastedBytes());
        assertEquals(List.of("/d"), LayerAnalysis.filesystemAt(r.image(), 1).stream().map(v -> v.entry().path())
                .toList());
    }

    @Test
    void theJsonHasTheIssuesShapeAndFilesOnlyWhenAsked() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("hello", new byte[762], 0755).bytes(),
                new Exports.Tar().whiteout("hello").bytes()));
        JsonNode j = new ObjectMapper().readTree(LayersJson.render(r, true));
        assertEquals(List.of("image", "size", "wastedBytes", "efficiency", "layers", "wasted"), names(j));
        assertEquals(r.id(), j.get("image").asText());
        assertEquals(762, j.get("size").asLong());
        assertEquals(762, j.get("wastedBytes").asLong());
        assertEquals(0.0, j.get("efficiency").asDouble());
        JsonNode l0 = j.get("layers").get(0);
        assertEquals(List.of("index", "diffId", "size", "createdBy", "line", "stage", "added", "modified", "removed",
                "files"), names(l0));
        assertTrue(l0.get("line").isNull());
        JsonNode f = l0.get("files").get(0);
        assertEquals("{\"path\":\"/hello\",\"type\":\"file\",\"mode\":\"0755\",\"size\":762,\"change\":\"added\"}",
                f.toString());
        assertEquals("{\"path\":\"/hello\",\"bytes\":762,\"layers\":[0,1]}", j.get("wasted").get(0).toString());
        JsonNode without = new ObjectMapper().readTree(LayersJson.render(r, false));
        assertFalse(without.get("layers").get(0).has("files"));
        LayersReport placed = r.withOrigins(List.of(new LayerOrigin(1, 8), new LayerOrigin(1, 9)));
        JsonNode withLines = new ObjectMapper().readTree(LayersJson.render(placed, false));
        assertEquals(8, withLines.get("layers").get(0).get("line").asInt());
        assertEquals(1, withLines.get("layers").get(0).get("stage").asInt());
    }

    @Test
    void theTextSaysWhatWasWastedWhereAndTheEfficiency() throws Exception {
        LayersReport r = LayerAnalysis.analyse(image(false,
                new Exports.Tar().file("keep", 100).file("big", 10_000).bytes(),
                new Exports.Tar().whiteout("big").bytes()));
        String text = LayersText.render(r, true);
        assertTrue(text.contains("10 kB  /big  (layers 0, 1)"), text);
        assertTrue(text.contains("- 0644      10 kB  /big"), text);
        assertTrue(text.endsWith("size 10.1 kB, wasted 10 kB, efficiency 0.9 %\n"), text);
    }

    @Test
    void aDiffComparesTheFinalFilesystemsByContentWhereLayersDiffer() throws Exception {
        byte[] shared = new Exports.Tar().file("same", 10).file("gone", 5).file("perm", 3).bytes();
        ImageContent a = image(true, shared, new Exports.Tar().file("content", "aaaa".getBytes()).bytes());
        ImageContent b = image(true, shared, new Exports.Tar().file("content", "bbbb".getBytes())
                .file("perm", new byte[3], 0700).file("new", 7).whiteout("gone").bytes());
        ImageDiff d = ImageDiff.of(a, b);
        assertEquals(List.of(new FileDiff("/content", Change.MODIFIED, 4L, 4L), new FileDiff("/gone", Change.REMOVED,
                5L, null), new FileDiff("/new", Change.ADDED, null, 7L), new FileDiff("/perm", Change.MODIFIED, 3L, 3L)),
                d.files());
        assertEquals(b.size() - a.size(), d.sizeDelta());
        JsonNode j = new ObjectMapper().readTree(DiffJson.render(d));
        assertEquals(List.of("a", "b", "sizeDelta", "files"), names(j));
        assertEquals("{\"path\":\"/gone\",\"change\":\"removed\",\"sizeA\":5,\"sizeB\":null}",
                j.get("files").get(1).toString());
        assertEquals(List.of("image", "size"), names(j.get("a")));
        assertEquals(List.of(), ImageDiff.of(a, a).files(), "an image equals itself");
        assertTrue(DiffText.render(d).contains("  + /new  7 B\n"), DiffText.render(d));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
