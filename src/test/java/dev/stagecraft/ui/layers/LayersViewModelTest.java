package dev.stagecraft.ui.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.Change;
import dev.stagecraft.report.layers.FileNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Layers tab's model on images made in memory: reads on a worker, results on the "FX" thread. */
class LayersViewModelTest {
    private final ExecutorService work = Executors.newCachedThreadPool();
    private FxQueue fx;
    private FakeImages images;
    private StageSize builder;
    private StageSize fin;
    private SizeReport build;

    @BeforeEach
    void images() throws IOException {
        fx = new FxQueue();
        images = new FakeImages();
        builder = images.add("sha256:builder", 0, "builder", Arrays.asList(null, 2),
                new Exports.Tar().dir("usr").dir("usr/lib").file("usr/lib/big.so", 9000).file("usr/lib/small.so", 100).bytes(),
                new Exports.Tar().dir("out").file("out/app", 1000).file("out/cfg", 24).bytes());
        fin = images.add("sha256:final", 1, null, Arrays.asList(null, 4, 5),
                new Exports.Tar().dir("etc").file("etc/passwd", 300).bytes(),
                new Exports.Tar().dir("app").file("app/app", 1000).file("app/cfg", 24).bytes(),
                new Exports.Tar().file("junk", 5000).bytes());
        build = new SizeReport("sha256:final", null, "buildkit", 1.0, List.of(builder, fin), 1,
                List.of(new CopySize(0, 1, 4, 1024)));
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    private LayersViewModel model(ImageLoad.Reader reader) {
        return new LayersViewModel(new LayersCache(reader, work, fx), work, fx);
    }

    @Test
    void aShownTabReadsTheFinalStageAndShowsItsLastLayersFiles() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        assertEquals(0, images.reads.get(), "nothing is read while the tab is hidden");
        assertEquals(List.of("builder — 10.1 kB", "#1 — 6.32 kB · final image"),
                m.stages().stream().map(Object::toString).toList());
        m.setActive(true);
        fx.runUntil(() -> m.treeProperty().get() != null);
        assertEquals(1, images.reads.get());
        assertEquals(3, m.layers().size());
        assertEquals(2, m.layerProperty().get().index(), "the last layer is chosen");
        assertEquals(Integer.valueOf(5), m.layerProperty().get().line(), "its Dockerfile line, from the build");
        assertTrue(m.statusProperty().get().startsWith("#1: 3 layers, 6.32 kB, wasted 0 B"), m.statusProperty().get());
        FileNode junk = m.treeProperty().get().find("/junk").orElseThrow();
        assertEquals(Change.ADDED, junk.change());
        assertEquals(5000, junk.size());
        assertEquals("1 \u00b7 line 4", m.layerText(1));
    }

    @Test
    void scopeOrderAndFilterReshapeTheTree() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        m.setActive(true);
        fx.runUntil(() -> m.treeProperty().get() != null);
        m.layerProperty().set(m.layers().get(1));
        fx.runUntil(() -> m.treeProperty().get() != null && m.treeProperty().get().find("/app/app").isPresent());
        assertTrue(m.treeProperty().get().find("/etc/passwd").isEmpty(), "only this layer's changes");
        m.scopeProperty().set(LayersViewModel.Scope.FILESYSTEM);
        fx.runUntil(() -> m.treeProperty().get() != null && m.treeProperty().get().find("/etc/passwd").isPresent());
        assertEquals(List.of("app", "etc"), names(m.treeProperty().get()), "largest first: 1,024 B before 300 B");
        m.orderProperty().set(LayersViewModel.Order.NAME);
        m.filterProperty().set("PASS");
        fx.runUntil(() -> m.treeProperty().get() != null && names(m.treeProperty().get()).equals(List.of("etc")));
        assertEquals(300, m.treeProperty().get().size(), "sizes over what the filter kept");
        m.filterProperty().set("nothing-like-this");
        fx.runUntil(() -> m.treeProperty().get() == null);
    }

    @Test
    void aStageIsReadOnceAndAFailedReadSaysWhyInOneLine() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        m.setActive(true);
        fx.runUntil(() -> m.reportProperty().get() != null);
        m.stageProperty().set(m.stages().get(0));
        fx.runUntil(() -> m.reportProperty().get() != null);
        m.stageProperty().set(m.stages().get(1));
        fx.runUntil(() -> m.reportProperty().get() != null);
        assertEquals(2, images.reads.get(), "the final stage's report was kept");

        SizeReport gone = new SizeReport("sha256:pruned", null, "buildkit", 1, List.of(new StageSize(0, "app",
                "sha256:pruned", 10, true, List.of())), 0, List.of());
        m.show(gone);
        fx.runUntil(() -> !m.loadingProperty().get() && m.statusProperty().get().startsWith("Can't"));
        assertEquals("Can't read the layers of app: no such image: sha256:pruned", m.statusProperty().get());
        assertNull(m.reportProperty().get());
    }

    @Test
    void aLongReadShowsProgressAndCancelReturnsAtOnce() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ImageLoad.Reader stuck = (image, control) -> {
            control.progress().update(3_000, 1, 40);
            reading.countDown();
            // an export that goes on whatever happens (a socket whose close waits for this thread)
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            throw new CancellationException("image read cancelled");
        };
        LayersViewModel m = model(stuck);
        m.show(build);
        m.setActive(true);
        assertTrue(reading.await(5, TimeUnit.SECONDS));
        fx.runUntil(() -> m.progressProperty().get() > 0);
        assertTrue(m.loadingProperty().get());
        assertTrue(m.statusProperty().get().startsWith("Reading "), m.statusProperty().get());
        m.cancel();
        // the tab says so while the read is still stuck: cancel waited for nothing
        fx.runUntil(() -> !m.loadingProperty().get());
        assertEquals(1, release.getCount(), "the read has not ended yet");
        assertEquals("Reading #1's layers was cancelled: press Read to read them", m.statusProperty().get());
        assertNull(m.treeProperty().get());
        release.countDown();
    }

    @Test
    void clickingACopyShowsTheLayerItMadeAndWhatItCarried() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        m.setActive(true);
        m.showCopy(build.copies().get(0), "builder");
        fx.runUntil(() -> !m.noteProperty().get().isEmpty() && m.treeProperty().get() != null);
        assertEquals("COPY --from=builder at line 4 carried 2 files, 1.02 kB", m.noteProperty().get());
        assertEquals(1, m.layerProperty().get().index());
        assertEquals(LayersViewModel.Scope.LAYER, m.scopeProperty().get());
        fx.runUntil(() -> m.treeProperty().get() != null && m.treeProperty().get().find("/app/cfg").isPresent());
        assertEquals(1024, m.treeProperty().get().find("/app").orElseThrow().size());
    }

    @Test
    void theTreemapRevealsAPathInTheFinalImagesWholeFilesystem() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        m.stageProperty().set(m.stages().get(0));
        m.setActive(true);
        m.revealInFinalImage("/etc/passwd");
        fx.runUntil(() -> "/etc/passwd".equals(m.revealProperty().get()));
        assertTrue(m.stageProperty().get().finalImage());
        assertEquals(LayersViewModel.Scope.FILESYSTEM, m.scopeProperty().get());
        assertTrue(m.treeProperty().get().find("/etc/passwd").isPresent());
    }

    @Test
    void aNewBuildForgetsTheLastOne() throws Exception {
        LayersViewModel m = model(images);
        m.show(build);
        m.setActive(true);
        fx.runUntil(() -> m.treeProperty().get() != null);
        m.reset();
        assertTrue(m.stages().isEmpty());
        assertTrue(m.layers().isEmpty());
        assertNull(m.treeProperty().get());
        assertEquals(LayersViewModel.NO_BUILD, m.statusProperty().get());
        assertFalse(m.loadingProperty().get());
    }

    static List<String> names(FileNode n) {
        return n.children().stream().map(FileNode::name).toList();
    }
}
