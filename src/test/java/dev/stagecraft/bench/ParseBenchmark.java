package dev.stagecraft.bench;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.testing.GeneratedDockerfile;
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
 * Parse + stage graph: moby/moby's Dockerfile (target ≤ 0.5 ms), a generated 10,000-line,
 * 200-stage file (target ≤ 10 ms) and 50,000 stages each copying from the one before (3.8 MB;
 * target ≤ 1 s, linear in stages). Run with scripts/bench.sh; {@code -prof gc} adds the bytes
 * allocated per parse. {@link #main} prints what the 50,000-stage graph keeps on the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    private String moby;
    private String generated;
    private String fiftyThousandStages;
    /** A 2,000-line file and the same with a character typed in its middle, and their parses. */
    private final String[] typed = new String[2];
    private final dev.stagecraft.dockerfile.syntax.Dockerfile[] typedTrees = new dev.stagecraft.dockerfile.syntax.Dockerfile[2];
    private int keystrokes;

    @Setup
    public void load() {
        moby = Corpus.read(Corpus.file("008-"));
        generated = GeneratedDockerfile.of(10_000, 200);
        fiftyThousandStages = GeneratedDockerfile.chain(50_000);
        typed[0] = GeneratedDockerfile.of(2_000, 40);
        int at = typed[0].indexOf("\nRUN ", typed[0].length() / 2) + 5;
        typed[1] = typed[0].substring(0, at) + "x" + typed[0].substring(at);
        typedTrees[0] = DockerfileParser.parse(typed[0]);
        typedTrees[1] = DockerfileParser.parse(typed[1]);
    }

    /** A keystroke in the middle of a 2,000-line file as the editor reads it: from the parse before it. */
    @Benchmark
    public dev.stagecraft.dockerfile.syntax.Dockerfile keystrokeReparse2000Lines() {
        int next = ++keystrokes & 1;
        return DockerfileParser.reparse(typedTrees[1 - next], typed[next]);
    }

    /** The flat token list the highlighting diffs, built for that keystroke's parse. */
    @Benchmark
    public int keystrokeTokens2000Lines() {
        int next = ++keystrokes & 1;
        return DockerfileParser.reparse(typedTrees[1 - next], typed[next]).tokens().size();
    }

    /** The stage graph the editor builds from that keystroke's parse. */
    @Benchmark
    public StageGraph keystrokeGraph2000Lines() {
        return StageGraph.of(typedTrees[++keystrokes & 1], GraphOptions.DEFAULT);
    }

    /** The same keystroke read whole, as before {@code reparse}. */
    @Benchmark
    public dev.stagecraft.dockerfile.syntax.Dockerfile keystrokeFullParse2000Lines() {
        return DockerfileParser.parse(typed[++keystrokes & 1]);
    }

    @Benchmark
    public StageGraph mobyParseAndGraph() {
        return StageGraph.of(DockerfileParser.parse(moby), GraphOptions.DEFAULT);
    }

    @Benchmark
    public StageGraph generated10kLines200Stages() {
        return StageGraph.of(DockerfileParser.parse(generated), GraphOptions.DEFAULT);
    }

    @Benchmark
    public StageGraph chain50kStages() {
        return StageGraph.of(DockerfileParser.parse(fiftyThousandStages), GraphOptions.DEFAULT);
    }

    /** Heap kept by the parse tree and graph of the 50,000-stage file, after a full GC (median of 5). */
    public static void main(String[] args) {
        String text = GeneratedDockerfile.chain(50_000);
        java.lang.management.MemoryMXBean heap = java.lang.management.ManagementFactory.getMemoryMXBean();
        long[] kept = new long[5];
        for (int i = 0; i < kept.length; i++) {
            System.gc();
            long before = heap.getHeapMemoryUsage().getUsed();
            StageGraph g = StageGraph.of(DockerfileParser.parse(text), GraphOptions.DEFAULT);
            System.gc();
            kept[i] = heap.getHeapMemoryUsage().getUsed() - before;
            if (g.stages().size() != 50_000) {
                throw new IllegalStateException("expected 50,000 stages, got " + g.stages().size());
            }
        }
        java.util.Arrays.sort(kept);
        System.out.printf("50,000 stages, %,d chars: the tree and graph keep %,d MB%n", text.length(), kept[2] >> 20);
    }
}
