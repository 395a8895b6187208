package dev.stagecraft.dockerfile.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file yields the stage graph BuildKit's own parser reads from it (the golden files
 * in ../shared/corpus/expected, made with BuildKit v0.12.5 for linux/amd64).
 */
class CorpusGraphTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> corpus() {
        return Corpus.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void agreesWithBuildKit(Path file) throws Exception {
        JsonNode expected = JSON.readTree(Corpus.expected(file).toFile());
        StageGraph graph = StageGraph.of(DockerfileParser.parse(Corpus.read(file)),
                new GraphOptions(null, Map.of(), "linux/amd64"));

        List<String> wantStages = new ArrayList<>();
        for (JsonNode s : expected.get("stages")) {
            wantStages.add(stage(s.get("name").isNull() ? null : s.get("name").asText(), s.get("base").asText(),
                    s.get("baseStage").isNull() ? null : s.get("baseStage").asInt(), s.get("line").asInt()));
        }
        List<String> gotStages = graph.stages().stream()
                .map(s -> stage(s.name(), s.baseResolved(), s.baseStage(), s.line())).toList();
        assertEquals(String.join("\n", wantStages), String.join("\n", gotStages), "stages");

        TreeSet<String> wantEdges = new TreeSet<>();
        expected.get("edges").forEach(e -> wantEdges.add(e.get(0).asInt() + "->" + e.get(1).asInt() + " " + e.get(2).asText()));
        TreeSet<String> gotEdges = new TreeSet<>();
        graph.edges().forEach(e -> gotEdges.add(e.from() + "->" + e.to() + " " + e.kind().label()));
        assertEquals(wantEdges, gotEdges, "edges");

        TreeSet<String> wantExternal = new TreeSet<>();
        expected.get("external").forEach(e -> wantExternal.add(e.get(0).asText() + "->" + e.get(1).asInt() + " " + e.get(2).asText()));
        TreeSet<String> gotExternal = new TreeSet<>();
        graph.external().forEach(e -> gotExternal.add(e.image() + "->" + e.to() + " " + e.kind().label()));
        assertEquals(wantExternal, gotExternal, "external images");
    }

    private static String stage(String name, String base, Integer baseStage, int line) {
        return "line " + line + ": " + name + " FROM " + base + (baseStage == null ? "" : " (stage " + baseStage + ")");
    }
}
