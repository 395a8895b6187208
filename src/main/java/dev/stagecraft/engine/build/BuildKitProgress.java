package dev.stagecraft.engine.build;

import com.google.protobuf.Timestamp;
import dev.stagecraft.engine.build.proto.BuildKitStatus.StatusResponse;
import dev.stagecraft.engine.build.proto.BuildKitStatus.Vertex;
import dev.stagecraft.engine.build.proto.BuildKitStatus.VertexLog;
import dev.stagecraft.engine.build.proto.BuildKitStatus.VertexWarning;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns BuildKit's status messages into {@link BuildEvent}s. BuildKit repeats a vertex in each
 * message that changes it (started, then completed or cached, then maybe again), so the state of
 * every vertex is kept by digest and each transition is reported once: a step ends with exactly
 * one of cached, completed or failed. Not thread-safe: one per build, on the builder's thread.
 */
final class BuildKitProgress {
    private static final class Step {
        final VertexName name;
        final String digest;
        final LogTail tail = new LogTail();
        boolean started;
        boolean ended;

        Step(String digest, VertexName name) {
            this.digest = digest;
            this.name = name;
        }
    }

    private final BuildListener listener;
    private final Map<String, Step> steps = new HashMap<>();
    private BuildEvent.StepFailed failure;

    BuildKitProgress(BuildListener listener) {
        this.listener = listener;
    }

    void accept(StatusResponse status) {
        for (Vertex v : status.getVertexesList()) {
            vertex(v);
        }
        for (VertexLog log : status.getLogsList()) {
            log(log);
        }
        for (VertexWarning w : status.getWarningsList()) {
            OptionalInt line = w.getRangesCount() > 0 ? OptionalInt.of(w.getRanges(0).getStart().getLine())
                    : OptionalInt.empty();
            listener.accept(new BuildEvent.Warning(w.getShort().toString(StandardCharsets.UTF_8).strip(), line));
        }
    }

    /**
     * The step that failed first, if any did: when one step fails BuildKit cancels the others
     * that run beside it, and they fail too, with {@code context canceled}.
     */
    BuildEvent.StepFailed failure() {
        return failure;
    }

    private void vertex(Vertex v) {
        Step s = steps.computeIfAbsent(v.getDigest(), d -> new Step(d, VertexName.parse(v.getName())));
        if (s.ended) {
            return;
        }
        VertexName n = s.name;
        if (v.getCached()) {
            s.ended = true;
            listener.accept(new BuildEvent.StepCached(n.stage(), n.step(), n.total(), n.instruction(), s.digest));
            return;
        }
        if (v.hasStarted() && !s.started) {
            s.started = true;
            listener.accept(new BuildEvent.StepStarted(n.stage(), n.step(), n.total(), n.instruction(), s.digest));
        }
        if (!v.getError().isEmpty()) {
            s.ended = true;
            flush(s);
            BuildEvent.StepFailed f = failed(s, v.getError());
            if (failure == null) {
                failure = f;
            }
            listener.accept(f);
        } else if (v.hasCompleted()) {
            s.ended = true;
            flush(s);
            Duration d = v.hasStarted() ? between(v.getStarted(), v.getCompleted()) : Duration.ZERO;
            listener.accept(new BuildEvent.StepCompleted(n.stage(), n.step(), n.total(), n.instruction(), s.digest, d));
        }
    }

    private BuildEvent.StepFailed failed(Step s, String error) {
        VertexName n = s.name;
        return new BuildEvent.StepFailed(n.stage(), n.step(), n.total(), n.instruction(), s.digest, error,
                s.tail.lines());
    }

    private void log(VertexLog log) {
        Step s = steps.computeIfAbsent(log.getVertex(), d -> new Step(d, VertexName.parse("")));
        for (String line : s.tail.add(log.getMsg().toString(StandardCharsets.UTF_8))) {
            listener.accept(new BuildEvent.Log(s.digest, s.name.stage(), s.name.step(), line));
        }
    }

    private void flush(Step s) {
        String rest = s.tail.flush();
        if (rest != null) {
            listener.accept(new BuildEvent.Log(s.digest, s.name.stage(), s.name.step(), rest));
        }
    }

    private static Duration between(Timestamp a, Timestamp b) {
        return Duration.ofSeconds(b.getSeconds() - a.getSeconds(), b.getNanos() - a.getNanos());
    }
}
