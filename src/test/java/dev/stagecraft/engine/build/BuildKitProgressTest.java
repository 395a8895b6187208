package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.stagecraft.engine.build.BuildEvent.Log;
import dev.stagecraft.engine.build.BuildEvent.StepCached;
import dev.stagecraft.engine.build.BuildEvent.StepCompleted;
import dev.stagecraft.engine.build.BuildEvent.StepFailed;
import dev.stagecraft.engine.build.BuildEvent.StepStarted;
import dev.stagecraft.engine.build.BuildEvent.Warning;
import dev.stagecraft.engine.build.proto.BuildKitStatus.Position;
import dev.stagecraft.engine.build.proto.BuildKitStatus.Range;
import dev.stagecraft.engine.build.proto.BuildKitStatus.StatusResponse;
import dev.stagecraft.engine.build.proto.BuildKitStatus.Vertex;
import dev.stagecraft.engine.build.proto.BuildKitStatus.VertexLog;
import dev.stagecraft.engine.build.proto.BuildKitStatus.VertexWarning;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** BuildKit repeats vertexes as they change; each transition must be reported once. */
class BuildKitProgressTest {
    private static final String RUN = "[builder 2/3] RUN make";

    private static Timestamp at(long s, int nanos) {
        return Timestamp.newBuilder().setSeconds(s).setNanos(nanos).build();
    }

    private static Vertex.Builder vertex(String digest, String name) {
        return Vertex.newBuilder().setDigest(digest).setName(name);
    }

    private static StatusResponse of(Vertex.Builder... vs) {
        StatusResponse.Builder b = StatusResponse.newBuilder();
        for (Vertex.Builder v : vs) {
            b.addVertexes(v);
        }
        return b.build();
    }

    private static StatusResponse log(String digest, String text) {
        return StatusResponse.newBuilder().addLogs(VertexLog.newBuilder().setVertex(digest).setStream(1)
                .setMsg(ByteString.copyFromUtf8(text))).build();
    }

    @Test
    void aVertexReportedManyTimesStartsAndCompletesOnce() throws Exception {
        Recorder rec = new Recorder();
        BuildKitProgress p = new BuildKitProgress(rec);
        p.accept(of(vertex("d1", RUN)));
        p.accept(of(vertex("d1", RUN).setStarted(at(10, 0))));
        p.accept(log("d1", "compiling a"));
        p.accept(log("d1", "nd b\nlinking\npart"));
        p.accept(of(vertex("d1", RUN).setStarted(at(10, 0))));
        p.accept(of(vertex("d1", RUN).setStarted(at(10, 0)).setCompleted(at(11, 500_000_000))));
        p.accept(of(vertex("d1", RUN).setStarted(at(10, 0)).setCompleted(at(11, 500_000_000))));
        assertEquals(List.of(new StepStarted("builder", 2, 3, "RUN make", "d1"),
                new Log("d1", "builder", 2, "compiling and b"), new Log("d1", "builder", 2, "linking"),
                new Log("d1", "builder", 2, "part"),
                new StepCompleted("builder", 2, 3, "RUN make", "d1", Duration.ofMillis(1500))), rec.events());
    }

    @Test
    void aCachedVertexIsOnlyCached() {
        Recorder rec = new Recorder();
        BuildKitProgress p = new BuildKitProgress(rec);
        p.accept(of(vertex("d1", RUN).setCached(true).setStarted(at(1, 0)).setCompleted(at(1, 0))));
        p.accept(of(vertex("d1", RUN).setCached(true).setStarted(at(1, 0)).setCompleted(at(1, 0))));
        assertEquals(List.of(new StepCached("builder", 2, 3, "RUN make", "d1")), rec.events());
    }

    @Test
    void theFirstFailureIsTheOneReportedWithItsLogTail() {
        Recorder rec = new Recorder();
        BuildKitProgress p = new BuildKitProgress(rec);
        p.accept(of(vertex("d1", RUN).setStarted(at(1, 0)), vertex("d2", "[other 2/2] RUN sleep 9")
                .setStarted(at(1, 0))));
        p.accept(log("d1", "error: no rule to make target"));
        p.accept(of(vertex("d1", RUN).setStarted(at(1, 0)).setCompleted(at(2, 0)).setError("exit code: 2")));
        p.accept(of(vertex("d2", "[other 2/2] RUN sleep 9").setStarted(at(1, 0)).setCompleted(at(2, 0))
                .setError("context canceled")));
        StepFailed first = new StepFailed("builder", 2, 3, "RUN make", "d1", "exit code: 2",
                List.of("error: no rule to make target"));
        assertEquals(first, p.failure());
        assertEquals(2, rec.all(StepFailed.class).size());
    }

    @Test
    void aWarningPointsAtItsLine() {
        Recorder rec = new Recorder();
        BuildKitProgress p = new BuildKitProgress(rec);
        p.accept(StatusResponse.newBuilder().addWarnings(VertexWarning.newBuilder().setVertex("d0").setLevel(1)
                .setShort(ByteString.copyFromUtf8("FromAsCasing: 'as' and 'FROM' keywords' casing do not match\n"))
                .addRanges(Range.newBuilder().setStart(Position.newBuilder().setLine(3))
                        .setEnd(Position.newBuilder().setLine(3)))).build());
        assertEquals(List.of(new Warning("FromAsCasing: 'as' and 'FROM' keywords' casing do not match",
                OptionalInt.of(3))), rec.events());
    }
}
