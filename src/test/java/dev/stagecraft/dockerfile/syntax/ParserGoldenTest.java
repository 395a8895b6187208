package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases, one folder each under src/test/resources/parser/&lt;case&gt;/: a Dockerfile and
 * the expected.json written by hand from BuildKit's rules. Fields an expectation leaves out are
 * not checked; diagnostics must match one for one ("severity line: message start").
 */
class ParserGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> cases() throws Exception {
        Path root = Paths.get(ParserGoldenTest.class.getResource("/parser").toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpectation(Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        Dockerfile tree = DockerfileParser.parse(text);
        assertArrayEquals(bytes, tree.print().getBytes(StandardCharsets.UTF_8), "round trip");
        CorpusRoundTripTest.assertTokensTile(tree);

        if (expected.has("instructions")) {
            JsonNode want = expected.get("instructions");
            assertEquals(want.size(), tree.instructions().size(), "instruction count");
            for (int i = 0; i < want.size(); i++) {
                checkInstruction(want.get(i), tree.instructions().get(i), "instruction " + i);
            }
        }
        if (expected.has("directives")) {
            JsonNode want = expected.get("directives");
            assertEquals(want.size(), tree.directives().size(), "directives");
            want.fields().forEachRemaining(f -> assertEquals(f.getValue().asText(),
                    tree.directive(f.getKey()).orElseThrow().value(), "directive " + f.getKey()));
        }
        StageGraph graph = StageGraph.of(tree, new GraphOptions(null, Map.of(), "linux/amd64"));
        List<String> actual = new ArrayList<>();
        for (Diagnostic d : graph.diagnostics()) {
            actual.add(d.severity().label() + " " + d.line() + ": " + d.message());
        }
        List<String> wanted = new ArrayList<>();
        expected.get("diagnostics").forEach(d -> wanted.add(d.asText()));
        assertEquals(wanted.size(), actual.size(), "diagnostics " + actual);
        for (String w : wanted) {
            String where = w.substring(0, w.indexOf(": ") + 2);
            String what = w.substring(where.length());
            assertTrue(actual.stream().anyMatch(a -> a.startsWith(where) && a.contains(what)),
                    "no diagnostic '" + w + "' in " + actual);
        }
        if (expected.has("stages")) {
            JsonNode want = expected.get("stages");
            assertTrue(want.size() <= graph.stages().size());
            for (int i = 0; i < want.size(); i++) {
                Stage s = graph.stages().get(i);
                JsonNode w = want.get(i);
                assertEquals(w.get("name").asText(), s.name());
                assertEquals(w.get("base").asText(), s.base());
                assertEquals(w.get("platform").asText(), s.platform());
            }
        }
    }

    private static void checkInstruction(JsonNode want, Instruction got, String where) {
        assertEquals(want.get("keyword").asText(), got.keyword(), where);
        if (want.has("line")) {
            assertEquals(want.get("line").asInt(), got.line(), where + " line");
        }
        if (want.has("endLine")) {
            assertEquals(want.get("endLine").asInt(), got.endLine(), where + " endLine");
        }
        if (want.has("arguments")) {
            assertEquals(want.get("arguments").asText(), got.arguments(), where + " arguments");
        }
        if (want.has("exec")) {
            if (want.get("exec").isNull()) {
                assertTrue(!got.execForm(), where + " should be shell form");
            } else {
                assertTrue(got.execForm(), where + " should be exec form");
                assertEquals(strings(want.get("exec")), got.execArgs(), where + " exec");
            }
        }
        if (want.has("words")) {
            assertEquals(strings(want.get("words")), got.words().stream().map(Word::text).toList(), where + " words");
        }
        if (want.has("flags")) {
            JsonNode flags = want.get("flags");
            assertEquals(flags.size(), got.flags().size(), where + " flags");
            for (Iterator<Map.Entry<String, JsonNode>> it = flags.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                Flag flag = got.flag(f.getKey()).orElseThrow(() -> new AssertionError(where + " no flag " + f.getKey()));
                assertEquals(f.getValue().isNull() ? null : f.getValue().asText(), flag.value(), where + " --" + f.getKey());
            }
        }
        if (want.has("heredocs")) {
            JsonNode docs = want.get("heredocs");
            assertEquals(docs.size(), got.heredocs().size(), where + " heredocs");
            for (int i = 0; i < docs.size(); i++) {
                JsonNode w = docs.get(i);
                Heredoc h = got.heredocs().get(i);
                assertEquals(w.get("name").asText(), h.name(), where + " heredoc name");
                if (w.has("content")) {
                    assertEquals(w.get("content").asText(), h.content(), where + " heredoc content");
                }
                if (w.has("text")) {
                    assertEquals(w.get("text").asText(), h.text(), where + " heredoc text");
                }
                if (w.has("chomp")) {
                    assertEquals(w.get("chomp").asBoolean(), h.chomp(), where + " chomp");
                }
                if (w.has("quoted")) {
                    assertEquals(w.get("quoted").asBoolean(), h.quoted(), where + " quoted");
                }
                if (w.has("fd")) {
                    assertEquals(w.get("fd").isNull() ? null : w.get("fd").asInt(), h.fileDescriptor(), where + " fd");
                }
            }
        }
        if (want.has("inner")) {
            checkInstruction(want.get("inner"), got.inner(), where + " inner");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
