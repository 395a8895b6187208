package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.lint.output.CheckstyleFormat;
import dev.stagecraft.lint.output.JsonFormat;
import dev.stagecraft.lint.output.SarifFormat;
import dev.stagecraft.lint.output.TtyFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OutputFormatsTest {
    private static final String TEXT = "FROM debian\nRUN apt-get install curl && echo '<&>'\nFROM scratch AS Out\n"
            + "COPY --from=0 /a /a\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<LintedFile> files() {
        return List.of(new LintedFile("dir/Dockerfile", TEXT, Lint.run(TEXT, LintOptions.DEFAULT.withAllStages(true))),
                new LintedFile("clean.Dockerfile", "FROM scratch\n", List.of()));
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() throws Exception {
        JsonNode root = JSON.readTree(JsonFormat.render(files()));
        assertEquals(Set.of("files"), names(root));
        JsonNode file = root.get("files").get(0);
        assertEquals(Set.of("file", "findings"), names(file));
        assertEquals("dir/Dockerfile", file.get("file").asText());
        assertTrue(file.get("findings").size() > 3);
        for (JsonNode f : file.get("findings")) {
            assertEquals(Set.of("rule", "severity", "line", "column", "endLine", "endColumn", "stage", "message", "fix"),
                    names(f));
            assertTrue(Set.of("error", "warning", "info", "style").contains(f.get("severity").asText()));
            assertTrue(f.get("line").isInt() && f.get("fix").isBoolean() && f.get("stage").isInt());
        }
        JsonNode dl3014 = find(file.get("findings"), "DL3014");
        assertEquals(2, dl3014.get("line").asInt());
        assertEquals(1, dl3014.get("column").asInt());
        assertTrue(dl3014.get("fix").asBoolean());
        assertEquals(0, root.get("files").get(1).get("findings").size());
    }

    @Test
    void sarifHasTheRequiredStructureOf210() throws Exception {
        JsonNode root = JSON.readTree(SarifFormat.render(files(), "0.1.0"));
        assertEquals("2.1.0", root.get("version").asText());
        assertTrue(root.get("runs").isArray() && root.get("runs").size() == 1);
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertFalse(driver.get("name").asText().isEmpty());
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode r : driver.get("rules")) {
            assertTrue(ruleIds.add(r.get("id").asText()), "rule ids are unique");
            assertFalse(r.get("help").get("text").asText().isEmpty());
            assertFalse(r.get("shortDescription").get("text").asText().isEmpty());
            assertTrue(Set.of("error", "warning", "note").contains(r.get("defaultConfiguration").get("level").asText()));
        }
        assertTrue(run.get("results").size() > 3);
        for (JsonNode res : run.get("results")) {
            assertTrue(ruleIds.contains(res.get("ruleId").asText()));
            assertEquals(res.get("ruleId").asText(), driver.get("rules").get(res.get("ruleIndex").asInt()).get("id").asText());
            assertFalse(res.get("message").get("text").asText().isEmpty());
            assertTrue(Set.of("error", "warning", "note").contains(res.get("level").asText()));
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            assertEquals("dir/Dockerfile", loc.get("artifactLocation").get("uri").asText());
            JsonNode region = loc.get("region");
            assertTrue(region.get("startLine").asInt() >= 1 && region.get("startColumn").asInt() >= 1);
            assertTrue(region.get("endLine").asInt() >= region.get("startLine").asInt());
        }
    }

    @Test
    void checkstyleIsWellFormedXmlWithEscapedMessages() throws Exception {
        String xml = CheckstyleFormat.render(List.of(new LintedFile("a&b", TEXT, List.of(new Finding(
                Rules.find("DL3025").orElseThrow(), Severity.WARNING, Lint.run(TEXT, LintOptions.DEFAULT).get(0).range(),
                0, "odd <message> & 'quotes'", null, null)))));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element file = (Element) doc.getElementsByTagName("file").item(0);
        assertEquals("a&b", file.getAttribute("name"));
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertEquals("odd <message> & 'quotes'", error.getAttribute("message"));
        assertEquals("DL3025", error.getAttribute("source"));
        assertEquals("warning", error.getAttribute("severity"));
    }

    @Test
    void ttyIsOneLinePerFindingAndColouredOnlyWhenAsked() {
        String plain = TtyFormat.render(files(), false);
        assertTrue(plain.lines().allMatch(l -> l.matches("dir/Dockerfile:\\d+ \\S+ (error|warning|info|style): .*")), plain);
        assertFalse(plain.contains("\u001b["));
        assertTrue(TtyFormat.render(files(), true).contains("\u001b[33mwarning\u001b[0m"));
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode find(JsonNode findings, String rule) {
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " in " + findings);
    }
}
