package dev.stagecraft.bench;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.testing.GeneratedDockerfile;
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
 * Lint after parse: moby/moby's Dockerfile (target ≤ 1 ms, default profile, and with every
 * stage), the keystroke path parse + graph + lint on the generated 2,000-line file, and lint alone
 * on the 2,000-line file of the window's keystroke bench ({@code UiBench}). Run with
 * {@code scripts/bench.sh LintBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LintBenchmark {
    private StageGraph moby;
    private String generated;
    private StageGraph uiBenchFile;

    @Setup
    public void load() {
        moby = StageGraph.of(DockerfileParser.parse(Corpus.read(Corpus.file("008-"))), GraphOptions.DEFAULT);
        generated = GeneratedDockerfile.of(2_000, 40);
        uiBenchFile = StageGraph.of(DockerfileParser.parse(dev.stagecraft.ui.bench.BigDockerfile.generate(40, 2000)),
                GraphOptions.DEFAULT);
    }

    /** Lint alone on the file the window's keystroke bench types into (UiBench): the window's lint thread does this per keystroke. */
    @Benchmark
    public List<Finding> uiBenchFileLint() {
        return Linter.lint(uiBenchFile, LintOptions.DEFAULT);
    }

    @Benchmark
    public List<Finding> mobyLint() {
        return Linter.lint(moby, LintOptions.DEFAULT);
    }

    @Benchmark
    public List<Finding> mobyLintAllStages() {
        return Linter.lint(moby, LintOptions.DEFAULT.withAllStages(true));
    }

    @Benchmark
    public List<Finding> generated2kLinesParseGraphLint() {
        StageGraph g = StageGraph.of(DockerfileParser.parse(generated), GraphOptions.DEFAULT);
        return Linter.lint(g, LintOptions.DEFAULT);
    }
}
