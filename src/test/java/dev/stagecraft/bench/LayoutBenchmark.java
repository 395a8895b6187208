package dev.stagecraft.bench;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.graph.layout.StageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening moby/moby's Dockerfile to a laid-out graph (target ≤ 300 ms): parse, stage graph and
 * ELK layered layout of its 37 stages. The window's own part (building the nodes) is measured by
 * scripts/bench-ui.sh. Run with scripts/bench.sh LayoutBenchmark; add "-bm ss -wi 0 -i 1 -f 5"
 * for the cold, first-call figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LayoutBenchmark {
    private String moby;

    @Setup
    public void load() {
        moby = Corpus.read(Corpus.file("008-"));
    }

    @Benchmark
    public StageLayout.Layout mobyToLaidOutGraph() {
        StageGraph g = StageGraph.parse(moby);
        List<StageLayout.Box> boxes = new ArrayList<>();
        g.stages().forEach(s -> boxes.add(new StageLayout.Box("s" + s.index(), 184, 66)));
        g.external().forEach(x -> boxes.add(new StageLayout.Box("x:" + x.image(), 170, 30)));
        List<StageLayout.Link> links = new ArrayList<>();
        g.edges().forEach(e -> links.add(new StageLayout.Link("s" + e.from(), "s" + e.to())));
        g.external().forEach(x -> links.add(new StageLayout.Link("x:" + x.image(), "s" + x.to())));
        return StageLayout.layout(boxes, links);
    }
}
