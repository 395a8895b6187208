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
 * Parse + stage graph: moby/moby's Dockerfile (target ≤ 0.5 ms) and a generated 10,000-line,
 * 200-stage file (target ≤ 10 ms). Run with scripts/bench.sh.
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

    @Setup
    public void load() {
        moby = Corpus.read(Corpus.file("008-"));
        generated = GeneratedDockerfile.of(10_000, 200);
    }

    @Benchmark
    public StageGraph mobyParseAndGraph() {
        return StageGraph.of(DockerfileParser.parse(moby), GraphOptions.DEFAULT);
    }

    @Benchmark
    public StageGraph generated10kLines200Stages() {
        return StageGraph.of(DockerfileParser.parse(generated), GraphOptions.DEFAULT);
    }
}
