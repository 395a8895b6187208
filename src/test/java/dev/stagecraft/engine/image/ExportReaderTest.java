package dev.stagecraft.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Exports made in memory, in both layouts, read without an engine. */
class ExportReaderTest {
    static final byte[] HELLO = "hello, world\n".getBytes(StandardCharsets.UTF_8);

    static byte[] base() throws IOException {
        return new Exports.Tar().dir("etc").file("etc/a.conf", HELLO).symlink("etc/l", "a.conf")
                .hardlink("etc/b.conf", "etc/a.conf").file("big", 5000).bytes();
    }

    static byte[] second() throws IOException {
        return new Exports.Tar().whiteout("big").dir("etc").file("etc/a.conf", new byte[20], 0600).bytes();
    }

    static List<String> history() {
        return List.of("ADD rootfs /", "EMPTY CMD sh", "RUN change", "RUN again");
    }

    static ImageContent read(byte[] export) throws IOException {
        return new ExportReader(ReadControl.plain()).read(new ByteArrayInputStream(export), null);
    }

    @Test
    void aDockerArchiveIsAssembledWhenItsManifestComesLast() throws Exception {
        byte[] l0 = base();
        byte[] l1 = second();
        ImageContent img = read(Exports.dockerArchive(List.of(l0, l1, l0), history()));
        assertEquals(ImageContent.DOCKER_ARCHIVE, img.layout());
        assertEquals(3, img.layers().size());
        assertEquals("sha256:" + Exports.sha256(l0), img.layers().get(0).diffId());
        assertEquals("sha256:" + Exports.sha256(l1), img.layers().get(1).diffId());
        // a repeated layer is a symlink in the archive: read once, listed twice
        assertEquals(img.layers().get(0).content(), img.layers().get(2).content());
        // files 13 + 5000 bytes, the symlink's target 6 bytes, the hard link nothing
        assertEquals(5013 + 6, img.layers().get(0).size());
        assertEquals(20, img.layers().get(1).size());
        assertEquals(List.of(0, -1, 1, 2), img.historyLayers());
        assertEquals("RUN change", img.layers().get(1).createdBy());
        assertEquals(List.of(5019L, 0L, 20L, 5019L), img.history().stream().map(h -> h.size()).toList());
        List<LayerEntry> entries = img.layers().get(0).content().entries();
        assertEquals(List.of("/etc", "/etc/a.conf", "/etc/l", "/etc/b.conf", "/big"),
                entries.stream().map(LayerEntry::path).toList());
        assertEquals(new LayerEntry("/etc/l", EntryType.SYMLINK, 0777, 6, "a.conf", null), entries.get(2));
        assertEquals(new LayerEntry("/etc/b.conf", EntryType.HARDLINK, 0644, 0, "/etc/a.conf", null), entries.get(3));
        LayerEntry wh = img.layers().get(1).content().entries().get(0);
        assertEquals(new LayerEntry("/big", EntryType.WHITEOUT, 0644, 0, null, null), wh);
        assertEquals(List.of("test/image:1"), img.tags());
    }

    @Test
    void anOciLayoutWithGzipAndZstdLayersReadsTheSameAsTheDockerArchive() throws Exception {
        byte[] l0 = base();
        byte[] l1 = second();
        byte[] l2 = new Exports.Tar().dir("opt").opaque("opt").file("opt/x", 3).bytes();
        List<byte[]> layers = List.of(l0, l1, l2);
        ImageContent docker = read(Exports.dockerArchive(layers, history()));
        ImageContent oci = read(Exports.ociLayout(layers, List.of(Exports.gzip(l0), Exports.zstd(l1), l2), history()));
        assertEquals(ImageContent.OCI_LAYOUT, oci.layout());
        assertEquals(List.of(Compression.GZIP, Compression.ZSTD, Compression.NONE),
                oci.layers().stream().map(l -> l.content().compression()).toList());
        assertEquals(docker.layers().size(), oci.layers().size());
        for (int i = 0; i < layers.size(); i++) {
            assertEquals(docker.layers().get(i).diffId(), oci.layers().get(i).diffId());
            assertEquals(docker.layers().get(i).size(), oci.layers().get(i).size());
            assertEquals(docker.layers().get(i).content().entries(), oci.layers().get(i).content().entries());
        }
        assertEquals(docker.id(), oci.id());
        assertEquals(docker.history(), oci.history());
        assertEquals(List.of("test/image:1"), oci.tags());
        assertEquals(EntryType.OPAQUE, oci.layers().get(2).content().entries().get(1).type());
        assertEquals("/opt", oci.layers().get(2).content().entries().get(1).path());
    }

    @Test
    void longAndNonAsciiNamesSurvive() throws Exception {
        String deep = "usr/share/" + "ünïcødé-".repeat(20) + "/file.txt";
        byte[] l0 = new Exports.Tar().file(deep, HELLO).symlink("lnk", "/" + deep).bytes();
        ImageContent img = read(Exports.dockerArchive(List.of(l0), List.of("ADD x /")));
        LayerEntry f = img.layers().get(0).content().entries().get(0);
        assertEquals("/" + deep, f.path());
        LayerEntry l = img.layers().get(0).content().entries().get(1);
        assertEquals(("/" + deep).getBytes(StandardCharsets.UTF_8).length, l.size());
    }

    @Test
    void hashingGivesEachFileItsSha256() throws Exception {
        byte[] export = Exports.dockerArchive(List.of(base()), List.of("ADD x /"));
        ImageContent img = new ExportReader(new ReadControl(true, null)).read(new ByteArrayInputStream(export), null);
        LayerEntry a = img.layers().get(0).content().entries().get(1);
        assertEquals(Exports.sha256(HELLO), a.sha256());
        assertNull(img.layers().get(0).content().entries().get(0).sha256(), "directories have no hash");
        assertNull(read(export).layers().get(0).content().entries().get(1).sha256(), "no hashing unless asked");
    }

    @Test
    void whatIsNotAnImageExportSaysSoInOneLine() throws Exception {
        IOException garbage = assertThrows(IOException.class,
                () -> read("this is not a tar at all, just text".repeat(40).getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().startsWith("the export is not a tar archive"), garbage.getMessage());
        IOException empty = assertThrows(IOException.class, () -> read(new byte[0]));
        assertEquals("the engine sent an empty export", empty.getMessage());
        IOException noManifest = assertThrows(IOException.class, () -> read(new Exports.Tar().file("x", 3).bytes()));
        assertEquals("the export has neither manifest.json nor index.json: not an image export",
                noManifest.getMessage());
        byte[] missing = new Exports.Tar().file("manifest.json",
                "[{\"Config\":\"c.json\",\"Layers\":[\"a/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8))
                .file("c.json", "{\"rootfs\":{\"diff_ids\":[\"sha256:00\"]}}".getBytes(StandardCharsets.UTF_8)).bytes();
        IOException lacks = assertThrows(IOException.class, () -> read(missing));
        assertEquals("the export lists layer a/layer.tar but does not hold it", lacks.getMessage());
        byte[] badJson = new Exports.Tar().file("manifest.json",
                "[{\"Config\":\"c.json\",\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8))
                .file("c.json", "{\"rootfs\": oops".getBytes(StandardCharsets.UTF_8)).bytes();
        IOException bad = assertThrows(IOException.class, () -> read(badJson));
        assertTrue(bad.getMessage().startsWith("the export's c.json is not valid JSON: Unrecognized token 'oops'"),
                bad.getMessage());
        assertEquals(1, bad.getMessage().lines().count());
    }

    @Test
    void aTruncatedExportFailsWithAMessageNotAHang() throws Exception {
        byte[] export = Exports.dockerArchive(List.of(base(), second()), history().subList(0, 3));
        byte[] cut = java.util.Arrays.copyOf(export, export.length / 3);
        IOException e = assertThrows(IOException.class, () -> read(cut));
        assertNotNull(e.getMessage());
    }

    @Test
    void aCancelStopsTheReadAtTheNextEntryAndClosesTheStream() throws Exception {
        byte[] export = Exports.dockerArchive(List.of(base(), second()), history().subList(0, 3));
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(export) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReadControl[] control = new ReadControl[1];
        int[] updates = new int[1];
        control[0] = new ReadControl(false, (bytes, layers, entries) -> {
            updates[0]++;
            if (entries >= 2) {
                control[0].cancel();
            }
        });
        control[0].attach(in);
        assertThrows(CancellationException.class, () -> new ExportReader(control[0]).read(in, null));
        assertTrue(closed.get(), "cancel closes the export stream");
        assertTrue(updates[0] >= 2);
        assertTrue(control[0].cancelled());
    }
}
