package dev.stagecraft.ui.sizes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sizes tab's state from size reports; no display, no engine. */
class SizesViewModelTest {
    private static final StageGraph GRAPH = StageGraph.parse("""
            FROM busybox AS builder
            RUN head -c 5000000 /dev/zero > /big
            FROM busybox
            COPY --from=builder /big /big
            """);

    private static SizeReport report(long builder, long fin) {
        return SizeReport.of(GRAPH, "sha256:f", "1", "buildkit", 1.0, List.of(
                new StageSize(0, "builder", "sha256:b", builder, true, List.of(
                        new LayerSize(4_000_000, "/bin/sh -c #(nop) ADD file:abc in /", null),
                        new LayerSize(builder - 4_000_000, "RUN /bin/sh -c head -c 5000000 /dev/zero > /big", 2))),
                new StageSize(1, null, "sha256:f", fin, true, List.of(
                        new LayerSize(4_000_000, "/bin/sh -c #(nop) ADD file:abc in /", null),
                        new LayerSize(fin - 4_000_000, "COPY /big /big # buildkit", 4)))));
    }

    @Test
    void showsTheHeadlineBarsAndTheFinalStagesLayers() {
        SizesViewModel m = new SizesViewModel();
        assertEquals("Build to see sizes", m.headlineProperty().get());
        m.show(report(9_000_000, 9_000_000));
        assertTrue(m.headlineProperty().get().startsWith("final image 9 MB vs builder 9 MB"), m.headlineProperty().get());
        assertEquals(List.of("builder", "#1"), m.bars().stream().map(StageBar::name).toList());
        assertEquals(List.of(false, true), m.bars().stream().map(StageBar::finalImage).toList());
        assertEquals(1, m.selectedProperty().get().index(), "the final image's layers show first");
        assertEquals(4, m.layers().get(1).line());
        assertEquals("5 MB", m.layers().get(1).size());
        assertEquals("COPY /big /big", m.layers().get(1).instruction(), "BuildKit's marker is left out");
        assertEquals(Map.of(0, "9 MB", 1, "9 MB"), m.badges());
        assertEquals(1, m.copies().size());
        assertEquals(5_000_000, m.copies().get(0).bytes());

        m.selectedProperty().set(m.bars().get(0));
        assertEquals("RUN head -c 5000000 /dev/zero > /big", m.layers().get(1).instruction());
        assertEquals("(base image) ADD file:abc in /", m.layers().get(0).instruction(), "a layer with no line came with the base");
        assertEquals("(base image)", SizesViewModel.describe(new LayerSize(5, "", null)));
    }

    @Test
    void aRebuildShowsTheChangePerStage() {
        SizesViewModel m = new SizesViewModel();
        m.show(report(9_000_000, 9_000_000));
        m.show(report(9_000_000, 6_000_000));
        assertEquals(List.of("±0 B", "-3 MB"), m.bars().stream().map(StageBar::change).toList());
        assertEquals("6 MB (-3 MB)", m.badges().get(1));
    }

    @Test
    void theLastBuildOfAnOpenedFileIsTheBaseline() {
        SizesViewModel m = new SizesViewModel();
        m.show(report(9_000_000, 9_000_000));
        assertEquals(Map.of("builder", 9_000_000L, "#1", 9_000_000L), m.currentSizes());
        m.reset(Map.of("builder", 8_000_000L));
        assertEquals("Build to see sizes", m.headlineProperty().get());
        assertTrue(m.bars().isEmpty());
        m.show(report(9_000_000, 6_000_000));
        assertEquals(List.of("+1 MB", ""), m.bars().stream().map(StageBar::change).toList());
    }
}
