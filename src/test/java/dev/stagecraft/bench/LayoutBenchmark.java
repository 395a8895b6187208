package dev.stagecraft.bench;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.graph.layout.GraphPlan;
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
 * Opening moby/moby's Dockerfile to a laid-out graph (budget ≤ 300 ms): parse, stage graph and
 * ELK layered layout of its 37 stages and their external images, every edge routed orthogonally
 * and every label placed, as the graph pane does on open.
 * The window's own part (building the nodes) is measured by scripts/bench-ui.sh.
 *
 * <pre>
 * scripts/bench.sh LayoutBenchmark                              # warm average
 * scripts/bench.sh LayoutBenchmark -bm ss -wi 0 -i 1 -f 5 -tu ms  # first call in a fresh JVM
 * </pre>
 *
 * {@code mobyToLaidOutGraph} in single-shot mode is the first call in a JVM that has loaded
 * nothing; {@code mobyAfterPreload} is the first open in the app, whose preload thread has parsed
 * a template and initialised {@link StageLayout} (ELK registration and a tiny layout) at launch.
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

    /** The app's preload, done before the measured call. */
    @State(Scope.Benchmark)
    public static class Preloaded {
        @Setup
        public void preload() throws ClassNotFoundException {
            StageGraph.parse("FROM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n");
            Class.forName(StageLayout.class.getName(), true, StageLayout.class.getClassLoader());
        }
    }

    @Benchmark
    public StageLayout.Layout mobyToLaidOutGraph() {
        return open(moby);
    }

    @Benchmark
    public StageLayout.Layout mobyAfterPreload(Preloaded preloaded) {
        return open(moby);
    }

    private static StageLayout.Layout open(String text) {
        StageGraph g = StageGraph.parse(text);
        List<StageLayout.Box> boxes = new ArrayList<>();
        g.stages().forEach(s -> boxes.add(new StageLayout.Box(GraphPlan.stageId(s.index()), 184, 66)));
        g.external().stream().map(x -> x.image()).distinct()
                .forEach(image -> boxes.add(new StageLayout.Box(GraphPlan.imageKey(image), 170, 30)));
        List<StageLayout.Link> links = new ArrayList<>();
        for (GraphPlan.Edge e : GraphPlan.edges(g, i -> true, true)) { // as the pane: each edge with its label's size
            links.add(e.label().isEmpty() ? new StageLayout.Link(e.from(), e.to())
                    : new StageLayout.Link(e.from(), e.to(), 7 * e.label().length() + 8, 34));
        }
        return StageLayout.layout(boxes, links);
    }
}
