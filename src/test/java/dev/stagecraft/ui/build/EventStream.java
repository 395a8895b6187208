package dev.stagecraft.ui.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.engine.build.BuildEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Build events as JSON lines, one event a line: how the recorded streams of real builds in
 * {@code src/test/resources/build-events/} are written ({@link RecordEvents}) and read back.
 */
final class EventStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventStream() {
    }

    static String line(BuildEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.getClass().getSimpleName());
        if (e instanceof BuildEvent.StepEvent s) {
            n.put("stage", s.stage()).put("step", s.step()).put("total", s.total())
                    .put("instruction", s.instruction()).put("vertex", s.vertex());
            if (e instanceof BuildEvent.StepCompleted c) {
                n.put("millis", c.duration().toMillis());
            } else if (e instanceof BuildEvent.StepFailed f) {
                n.put("error", f.error());
                f.logTail().forEach(n.putArray("logTail")::add);
            }
        } else if (e instanceof BuildEvent.Log l) {
            n.put("vertex", l.vertex()).put("stage", l.stage()).put("step", l.step()).put("text", l.text());
        } else if (e instanceof BuildEvent.Warning w) {
            n.put("text", w.text());
            w.line().ifPresent(i -> n.put("line", i));
        } else if (e instanceof BuildEvent.Context c) {
            n.put("directory", c.directory()).put("files", c.files()).put("bytes", c.bytes()).put("warning", c.warning());
        } else if (e instanceof BuildEvent.ImageBuilt b) {
            n.put("imageId", b.imageId());
        } else if (e instanceof BuildEvent.Finished f) {
            n.put("success", f.success()).put("imageId", f.imageId()).put("error", f.error()).put("seconds", f.seconds());
        }
        return n.toString();
    }

    static List<BuildEvent> read(String resource) {
        try (InputStream in = EventStream.class.getResourceAsStream("/build-events/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded stream " + resource);
            }
            List<BuildEvent> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(event(JSON.readTree(line)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildEvent event(JsonNode n) {
        String stage = text(n, "stage");
        String ins = text(n, "instruction");
        String v = text(n, "vertex");
        int step = n.path("step").asInt();
        int total = n.path("total").asInt();
        switch (n.get("type").asText()) {
            case "StepStarted":
                return new BuildEvent.StepStarted(stage, step, total, ins, v);
            case "StepCached":
                return new BuildEvent.StepCached(stage, step, total, ins, v);
            case "StepCompleted":
                return new BuildEvent.StepCompleted(stage, step, total, ins, v, Duration.ofMillis(n.path("millis").asLong()));
            case "StepFailed": {
                List<String> tail = new ArrayList<>();
                n.path("logTail").forEach(t -> tail.add(t.asText()));
                return new BuildEvent.StepFailed(stage, step, total, ins, v, text(n, "error"), tail);
            }
            case "Log":
                return new BuildEvent.Log(v, stage, step, text(n, "text"));
            case "Warning":
                return new BuildEvent.Warning(text(n, "text"), n.has("line") ? OptionalInt.of(n.get("line").asInt())
                        : OptionalInt.empty());
            case "Context":
                return new BuildEvent.Context(text(n, "directory"), n.path("files").asInt(), n.path("bytes").asLong(),
                        text(n, "warning"));
            case "ImageBuilt":
                return new BuildEvent.ImageBuilt(text(n, "imageId"));
            case "Finished":
                return new BuildEvent.Finished(n.path("success").asBoolean(), text(n, "imageId"), text(n, "error"),
                        n.path("seconds").asDouble());
            default:
                throw new IllegalArgumentException("unknown event " + n);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
