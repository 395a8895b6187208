package dev.stagecraft.ui.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.report.layers.Change;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compare Images on images made in memory: two builds of the history, or two images by name. */
class CompareViewModelTest {
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final FxQueue fx = new FxQueue();
    private final FakeImages images = new FakeImages();

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    private static BuildSizes build(int minute, long builder, long fin, String builderImage, String finalImage) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("builder", builder);
        sizes.put("#1", fin);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("builder", builderImage);
        ids.put("#1", finalImage);
        return new BuildSizes(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(60L * minute), "buildkit", null,
                sizes, fin, ids, "#1");
    }

    @Test
    void twoBuildsCompareStageByStageThenFileByFile() throws Exception {
        byte[] base = new Exports.Tar().dir("etc").file("etc/passwd", 300).bytes(); // the same layer in both
        images.add("sha256:old", 1, null, Arrays.asList(null, 3), base,
                new Exports.Tar().dir("app").file("app/bin", 1000).file("app/gone", 10).bytes());
        images.add("sha256:new", 1, null, Arrays.asList(null, 3), base,
                new Exports.Tar().dir("app").file("app/bin", 1700).file("app/added", 5).bytes());
        // newest first, as the document's history keeps them
        List<BuildSizes> history = List.of(build(2, 5000, 2005, "sha256:b2", "sha256:new"),
                build(1, 4000, 1310, "sha256:b1", "sha256:old"));
        CompareViewModel m = new CompareViewModel(new LayersCache(images, work, fx), work, fx, history);
        assertTrue(m.aProperty().get().label().startsWith("build 2 "), "the older build is A");
        assertTrue(m.bProperty().get().label().startsWith("build 1 "), "the newer build is B");
        assertEquals(List.of("builder +1 kB", "#1 +695 B"), m.stages().stream()
                .map(r -> r.stage() + " " + r.change()).toList());
        assertEquals("#1", m.stageProperty().get(), "the final stage is compared by default");

        m.compare();
        fx.runUntil(() -> m.diffProperty().get() != null);
        assertEquals(List.of("/app/added added", "/app/bin modified", "/app/gone removed"),
                m.diffProperty().get().files().stream().map(f -> f.path() + " " + f.change().label()).toList());
        assertEquals(Change.MODIFIED, m.treeProperty().get().find("/app/bin").orElseThrow().change());
        assertEquals(700, m.treeProperty().get().find("/app/bin").orElseThrow().size(), "the size change");
        assertEquals(List.of("same layer", "+695 B"), m.layers().stream().map(CompareViewModel.LayerRow::change).toList());
        assertTrue(m.statusProperty().get().endsWith("(+695 B), 3 paths differ"), m.statusProperty().get());
    }

    @Test
    void anyTwoImagesByNameAndAMissingOneIsOneLine() throws Exception {
        images.add("app:1", 0, null, Arrays.asList((Integer) null), new Exports.Tar().file("x", 5).bytes());
        CompareViewModel m = new CompareViewModel(new LayersCache(images, work, fx), work, fx, List.of());
        assertTrue(m.statusProperty().get().startsWith("No build in this document's history"));
        m.aProperty().set(CompareSide.image("app:1"));
        m.bProperty().set(CompareSide.image("app:nosuch"));
        assertNull(m.stageProperty().get());
        m.compare();
        fx.runUntil(() -> !m.runningProperty().get());
        assertEquals("Can't compare: no such image: app:nosuch", m.statusProperty().get());
    }

    @Test
    void aBuildRememberedBeforeImageIdsComparesOnlyItsSizes() {
        BuildSizes old = new BuildSizes(Instant.EPOCH, "buildkit", null, Map.of("#0", 10L), 10L);
        BuildSizes now = build(1, 4000, 1310, "sha256:b1", "sha256:old");
        CompareViewModel m = new CompareViewModel(new LayersCache(images, work, fx), work, fx, List.of(now, old));
        m.aProperty().set(m.choices().get(1));
        m.compare();
        assertEquals("The first build was remembered before Stagecraft kept image ids: only its sizes can be compared",
                m.statusProperty().get());
        assertEquals(3, m.stages().size(), "#0 (only in A), builder and #1 (only in B)");
    }
}
