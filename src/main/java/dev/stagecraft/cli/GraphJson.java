package dev.stagecraft.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;

/** The stage graph as the JSON other tools read: a fixed shape, documented in the README. */
final class GraphJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GraphJson() {
    }

    @JsonPropertyOrder({"file", "stages", "edges", "external", "target", "needed", "diagnostics"})
    record Doc(String file, List<StageJson> stages, List<EdgeJson> edges, List<ExternalJson> external,
               Integer target, List<Integer> needed, List<DiagnosticJson> diagnostics) {
    }

    @JsonPropertyOrder({"index", "name", "base", "baseResolved", "baseStage", "platform", "line", "endLine",
            "instructions"})
    record StageJson(int index, String name, String base, String baseResolved, Integer baseStage, String platform,
                     int line, int endLine, int instructions) {
    }

    @JsonPropertyOrder({"from", "to", "kind", "line"})
    record EdgeJson(int from, int to, String kind, int line) {
    }

    @JsonPropertyOrder({"image", "to", "kind", "line"})
    record ExternalJson(String image, int to, String kind, int line) {
    }

    @JsonPropertyOrder({"severity", "message", "line", "column"})
    record DiagnosticJson(String severity, String message, int line, int column) {
    }

    static String render(String file, StageGraph g) {
        Doc doc = new Doc(file,
                g.stages().stream().map(s -> new StageJson(s.index(), s.name(), s.base(), s.baseResolved(),
                        s.baseStage(), s.platform(), s.line(), s.endLine(), s.instructionCount())).toList(),
                g.edges().stream().map(e -> new EdgeJson(e.from(), e.to(), e.kind().label(), e.line())).toList(),
                g.external().stream().map(x -> new ExternalJson(x.image(), x.to(), x.kind().label(), x.line()))
                        .toList(),
                g.target() < 0 ? null : g.target(), g.needed(),
                GraphProblems.of(g).stream().map(p -> new DiagnosticJson(p.severity(), p.rule() == null ? p.message()
                        : p.message() + " (" + p.rule() + ")", p.line(), p.column())).toList());
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
