package dev.stagecraft.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.report.layers.Change;
import dev.stagecraft.report.layers.FileChange;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayerReport;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.report.layers.WastedFile;
import dev.stagecraft.testing.DockerEngine;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images built on the real engine with every case of the issue (a file deleted later, one
 * overwritten, an opaque directory, hard and symbolic links, a COPY --from of a folder), read
 * through the engine's export: each layer's changes and the wasted bytes are what the Dockerfile
 * wrote, each layer's size is {@code docker history}'s, and an OCI layout of the same image reads
 * the same.
 */
@Tag("docker")
class ImageReaderTest {
    static final String TAG = "stagecraft-test/layers-cases";

    @TempDir
    static Path dir;

    @BeforeAll
    static void engine() throws Exception {
        try (Engine e = DockerEngine.require()) {
            // skips (or fails under REQUIRE_DOCKER=1) without an engine or base images
        }
    }

    static LayersReport read(Engine engine, String image) throws Exception {
        return LayerAnalysis.analyse(new ImageReader(engine).read(image, ReadControl.plain()));
    }

    static List<String> changes(LayerReport l) {
        List<String> out = new ArrayList<>();
        for (FileChange f : l.files()) {
            if (!f.path().equals("/etc")) { // every RUN step touches /etc (resolv.conf, hosts mounts)
                out.add(LayersTextSign.of(f.change()) + f.path() + " " + f.type().label() + " " + f.size()
                        + (f.linkTarget() == null ? "" : " -> " + f.linkTarget()));
            }
        }
        return out;
    }

    /** "+", "~", "-". */
    static final class LayersTextSign {
        static String of(Change c) {
            return c == Change.ADDED ? "+" : c == Change.MODIFIED ? "~" : "-";
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyLayerSaysWhatTheDockerfileWroteAndWeighsWhatDockerHistorySays(boolean buildkit) throws Exception {
        String tag = TAG + (buildkit ? "" : "-classic");
        String id = TestImages.build(dir, tag, TestImages.CASES, buildkit);
        try (Engine engine = DockerEngine.require()) {
            LayersReport r = read(engine, tag);
            assertEquals(id, r.id());
            List<Long> sizes = r.layers().stream().map(LayerReport::size).toList();
            assertEquals(nonEmptyHistory(engine, id), sizes, "layer sizes against docker history");
            assertEquals(Long.parseLong(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", id)), r.size());
            assertEquals(8, r.layers().size());
            List<LayerReport> l = r.layers();
            assertTrue(changes(l.get(1)).containsAll(List.of("+/big file 10000", "+/keep file 500")), changes(l.get(1)).toString());
            assertEquals(List.of("-/big file 10000"), changes(l.get(2)));
            assertEquals(List.of("~/keep file 700"), changes(l.get(3)));
            assertEquals(List.of("+/opq dir 0", "+/opq/g file 2", "+/opq/old dir 0", "+/opq/old/f file 2000"),
                    changes(l.get(4)));
            assertEquals(List.of("~/opq dir 0", "-/opq/g file 2", "+/opq/n file 4", "-/opq/old dir 2000"),
                    changes(l.get(5)));
            assertEquals(List.of("+/hl1 file 4000", "+/hl2 hardlink 0 -> /hl1", "+/sl symlink 4 -> /hl1"),
                    changes(l.get(6)));
            assertEquals(List.of("+/copied dir 0", "+/copied/a.txt file 4", "+/copied/link symlink 5 -> a.txt",
                    "+/copied/sub dir 0", "+/copied/sub/b.bin file 3000"), changes(l.get(7)));
            assertEquals(List.of(new WastedFile("/big", 10_000, List.of(1, 2)),
                    new WastedFile("/opq/old/f", 2000, List.of(4, 5)), new WastedFile("/keep", 500, List.of(1, 3)),
                    new WastedFile("/opq/g", 2, List.of(4, 5))), r.wasted());
            assertEquals(12_502, r.wastedBytes());
            assertEquals((double) (r.size() - 12_502) / r.size(), r.efficiency(), 1e-12);
        }
    }

    /** The sizes of the history entries that made layers: what {@code docker history} shows for them. */
    static List<Long> nonEmptyHistory(Engine engine, String id) throws Exception {
        ImageContent c = new ImageReader(engine).read(id, ReadControl.plain());
        List<Long> cli = TestImages.historySizes(id);
        List<Long> out = new ArrayList<>();
        for (int h = 0; h < cli.size(); h++) {
            if (c.historyLayers().get(h) >= 0) {
                out.add(cli.get(h));
            }
        }
        return out;
    }

    @Test
    void anOciLayoutOfTheImageReadsTheSameAsTheEnginesDockerArchive() throws Exception {
        TestImages.build(dir, TAG, TestImages.CASES, true);
        try (Engine engine = DockerEngine.require()) {
            ImageContent fromEngine = new ImageReader(engine).read(TAG, ReadControl.plain());
            assertEquals(ImageContent.DOCKER_ARCHIVE, fromEngine.layout(), "Docker 20.10 saves the docker archive");
            Path saved = TestImages.save(dir, TAG);
            Path oci = OciLayouts.fromDockerArchive(saved, dir.resolve("cases-oci.tar"));
            ImageContent fromOci;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(oci))) {
                fromOci = new ExportReader(ReadControl.plain()).read(in, null);
            }
            assertSameLayers(fromEngine, fromOci);
            assertEquals(List.of(Compression.GZIP, Compression.ZSTD), fromOci.layers().stream().skip(1).limit(2)
                    .map(l -> l.content().compression()).toList());
        }
    }

    @Test
    void anOciArchiveWrittenBySkopeoReadsTheSame() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/skopeo")), "skopeo is not installed");
        TestImages.build(dir, TAG, TestImages.CASES, true);
        Path out = dir.resolve("skopeo-oci.tar");
        Process p = new ProcessBuilder("skopeo", "copy", "-q", "docker-daemon:" + TAG + ":latest", "oci-archive:" + out)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, log);
        try (Engine engine = DockerEngine.require();
             InputStream in = new BufferedInputStream(Files.newInputStream(out))) {
            ImageContent fromEngine = new ImageReader(engine).read(TAG, ReadControl.plain());
            ImageContent fromSkopeo = new ExportReader(ReadControl.plain()).read(in, null);
            assertEquals(ImageContent.OCI_LAYOUT, fromSkopeo.layout());
            assertSameLayers(fromEngine, fromSkopeo);
        }
    }

    static void assertSameLayers(ImageContent expected, ImageContent actual) {
        assertEquals(expected.layers().size(), actual.layers().size());
        for (int i = 0; i < expected.layers().size(); i++) {
            assertEquals(expected.layers().get(i).diffId(), actual.layers().get(i).diffId(), "layer " + i);
            assertEquals(expected.layers().get(i).content().entries(), actual.layers().get(i).content().entries(),
                    "layer " + i);
        }
        assertEquals(LayerAnalysis.analyse(expected).wasted(), LayerAnalysis.analyse(actual).wasted());
    }

    @Test
    void aCancelStopsALargeReadEarly() throws Exception {
        String tag = "stagecraft-test/layers-large";
        TestImages.build(dir, tag, "FROM stagecraft-test/busybox\nRUN head -c 120000000 /dev/urandom > /blob\n", true);
        try (Engine engine = DockerEngine.require()) {
            AtomicLong seen = new AtomicLong();
            ReadControl[] control = new ReadControl[1];
            control[0] = new ReadControl(false, (bytes, layers, entries) -> {
                seen.set(bytes);
                if (bytes > 20_000_000) {
                    control[0].cancel();
                }
            });
            assertThrows(CancellationException.class, () -> new ImageReader(engine).read(tag, control[0]));
            assertTrue(seen.get() < 80_000_000, "stopped after " + seen.get() + " bytes of 120 MB");
            // the engine is still fine for the next read
            ImageContent whole = new ImageReader(engine).read(tag, ReadControl.plain());
            assertEquals(Long.parseLong(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", tag)),
                    whole.size(), "the next read is whole");
        }
    }

    @Test
    void anUnknownImageIsNotFound() throws Exception {
        try (Engine engine = DockerEngine.require()) {
            ImageNotFoundException e = assertThrows(ImageNotFoundException.class,
                    () -> new ImageReader(engine).read("stagecraft-test/no-such-image:nope", ReadControl.plain()));
            assertEquals("no such image: stagecraft-test/no-such-image:nope", e.getMessage());
        }
    }
}
