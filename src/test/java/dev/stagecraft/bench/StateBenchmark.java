package dev.stagecraft.bench;

import dev.stagecraft.project.BuildSizes;
import dev.stagecraft.project.DiskVersion;
import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.project.DocumentState;
import dev.stagecraft.project.NodePosition;
import dev.stagecraft.project.Recovery;
import dev.stagecraft.project.StateDirectory;
import dev.stagecraft.project.StateStore;
import dev.stagecraft.testing.GeneratedDockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping state costs. On the FX thread: {@code update} (a map put; no disk). On the writer
 * threads: writing a 200-stage document's state (JSON, temp file, fsync, rename, folder fsync)
 * and a recovery copy of a 10,000-line buffer with flush; the watcher's fingerprint of that file.
 * Run with scripts/bench.sh StateBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StateBenchmark {
    private Path tmp;
    private Path dockerfile;
    private String text;
    private StateStore store;
    private Recovery recovery;
    private DocumentState state;
    private DocumentState other;
    private DiskVersion read;
    private int n;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        tmp = Files.createTempDirectory("state-bench");
        text = GeneratedDockerfile.of(10_000, 200);
        dockerfile = Files.writeString(tmp.resolve("Dockerfile"), text);
        read = DockerfileText.read(dockerfile).version();
        StateDirectory dir = new StateDirectory(tmp.resolve("state"));
        store = new StateStore(dir);
        recovery = new Recovery(dir);
        store.load(dockerfile);
        Map<String, NodePosition> positions = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            positions.put("stage" + i, new NodePosition(i * 10.5, i * 3.25));
            sizes.put("stage" + i, 1_000_000L + i);
        }
        DocumentState s = DocumentState.empty().withPositions(positions);
        for (int i = 0; i < DocumentState.HISTORY_LIMIT; i++) {
            s = s.withSizes(new BuildSizes(Instant.now(), "buildkit", null, sizes, 123_456L));
        }
        state = s;
        other = s.withSelected("stage1");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        recovery.close();
    }

    /** What a drag costs the FX thread. */
    @Benchmark
    public void updateOnTheCallersThread() {
        store.update(dockerfile, (n++ & 1) == 0 ? state : other);
    }

    /** One state file written to disk, fsyncs included. */
    @Benchmark
    public void writeStateOf200Stages() throws IOException {
        store.update(dockerfile, (n++ & 1) == 0 ? state : other);
        store.flush();
    }

    /** One recovery copy of a 10,000-line buffer written to disk, fsyncs included. */
    @Benchmark
    public void writeRecoveryCopyOf10kLines() throws IOException {
        recovery.changed("bench", dockerfile, read, (n++ & 1) == 0 ? text : text + "#\n");
        recovery.flush();
    }

    /** The watcher's and Save's check of a 10,000-line file. */
    @Benchmark
    public DiskVersion fingerprintOf10kLines() throws IOException {
        return DiskVersion.of(dockerfile);
    }
}
