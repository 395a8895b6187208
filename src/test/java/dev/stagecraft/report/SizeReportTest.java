package dev.stagecraft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.HistoryEntry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeReportTest {
    private static final String DOCKERFILE = """
            FROM stagecraft-test/debian:bookworm AS builder
            RUN apt-get update && apt-get install -y gcc
            WORKDIR /src
            COPY hello.c .
            RUN gcc -static -o hello hello.c

            FROM scratch
            COPY --from=builder /src/hello /hello
            CMD ["/hello"]
            """;

    @Test
    void formatsLikeDockerAndParsesLimits() {
        assertEquals("762 kB", ByteSize.format(762_000));
        assertEquals("574 MB", ByteSize.format(574_123_456));
        assertEquals("1.5 GB", ByteSize.format(1_500_000_000));
        assertEquals("12.3 kB", ByteSize.format(12_345));
        assertEquals("999 B", ByteSize.format(999));
        assertEquals("12 files, 3.4 MB", ByteSize.files(12, 3_400_000));
        assertEquals("1 file, 319 B", ByteSize.files(1, 319));
        assertEquals("+1.2 MB", ByteSize.formatChange(1_200_000));
        assertEquals("-300 kB", ByteSize.formatChange(-300_000));
        assertEquals(50_000_000, ByteSize.parse("50MB"));
        assertEquals(50_000_000, ByteSize.parse("50m"));
        assertEquals(1_500_000_000, ByteSize.parse("1.5GB"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2GiB"));
        assertEquals(1024, ByteSize.parse("1024"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("fifty")).getMessage()
                .contains("50MB"));
    }

    @Test
    void mapsBuildKitHistoryToLines() {
        StageGraph g = StageGraph.parse(DOCKERFILE);
        List<HistoryEntry> history = Arrays.asList(
                new HistoryEntry("Imported from -", 74_000_000),
                new HistoryEntry("RUN /bin/sh -c apt-get update && apt-get install -y gcc # buildkit", 120_000_000),
                new HistoryEntry("WORKDIR /src", 0),
                new HistoryEntry("COPY hello.c . # buildkit", 120),
                new HistoryEntry("RUN /bin/sh -c gcc -static -o hello hello.c # buildkit", 800_000));
        List<LayerSize> layers = LayerAttribution.attribute(g.stages().get(0), history, 1);
        assertEquals(Arrays.asList(null, 2, 3, 4, 5), layers.stream().map(LayerSize::line).toList());
    }

    @Test
    void mapsClassicHistoryToLines() {
        StageGraph g = StageGraph.parse(DOCKERFILE);
        List<HistoryEntry> history = List.of(
                new HistoryEntry("/bin/sh -c #(nop) COPY file:3a1b2c in /hello ", 760_000),
                new HistoryEntry("/bin/sh -c #(nop)  CMD [\"/hello\"]", 0));
        List<LayerSize> layers = LayerAttribution.attribute(g.stages().get(1), history, 0);
        assertEquals(List.of(8, 9), layers.stream().map(LayerSize::line).toList());
        assertEquals("RUN", LayerAttribution.keyword("|1 VERSION=2 /bin/sh -c make"));
    }

    @Test
    void headlineComparesFinalWithTheLargestBuilderAndCopiesCarryTheirLayer() {
        StageGraph g = StageGraph.parse(DOCKERFILE);
        StageSize builder = new StageSize(0, "builder", "sha256:b", 574_123_456, true, List.of());
        StageSize fin = new StageSize(1, null, "sha256:f", 762_000, true,
                List.of(new LayerSize(760_000, "COPY /src/hello /hello # buildkit", 8),
                        new LayerSize(0, "CMD [\"/hello\"]", 9)));
        SizeReport r = SizeReport.of(g, "sha256:f", "1", "buildkit", 12.34, List.of(builder, fin));
        assertEquals("final image 762 kB vs builder 574 MB — 99.9 % smaller", r.headline());
        assertEquals(List.of(new CopySize(0, 1, 8, 760_000)), r.copies());
        String json = SizeReportJson.render(r);
        assertTrue(json.contains("\"final\" : {\n    \"index\" : 1,\n    \"size\" : 762000"), json);
        assertTrue(json.contains("\"largestBuilder\" : {\n    \"index\" : 0,\n    \"size\" : 574123456"), json);
        assertTrue(json.contains("\"seconds\" : 12.3"), json);
        assertTrue(SizeReportText.render(r).contains("line 8     builder -> #1  760 kB"), SizeReportText.render(r));
    }
}
