package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.testing.GeneratedDockerfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: arguments in, stdout, stderr and exit code out. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, byte[] outBytes, String err) {
    }

    static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = StagecraftCommand.commandLine().execute(args);
            System.out.flush();
            System.err.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), out.toByteArray(),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void printGivesBackEveryCorpusFileByteForByte() throws Exception {
        for (Path f : Corpus.files()) {
            Run r = run("print", f.toString());
            assertEquals(0, r.exit(), f.toString());
            assertArrayEquals(Files.readAllBytes(f), r.outBytes(), f.toString());
        }
    }

    @Test
    void graphJsonHasTheDocumentedShape() throws Exception {
        Path f = Corpus.file("066-");
        Run r = run("graph", f.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of("file", "stages", "edges", "external", "target", "needed", "diagnostics"), fields(doc));
        assertEquals(f.toString(), doc.get("file").asText());
        JsonNode stage = doc.get("stages").get(2);
        assertEquals(List.of("index", "name", "base", "baseResolved", "baseStage", "platform", "line", "endLine",
                "instructions"), fields(stage));
        assertEquals("test", stage.get("name").asText());
        assertEquals("app-base", stage.get("base").asText());
        assertEquals(1, stage.get("baseStage").asInt());
        assertEquals(15, stage.get("line").asInt());
        assertEquals(6, doc.get("target").asInt());
        assertEquals("[0,1,3,5,6]", doc.get("needed").toString());
        JsonNode copy = doc.get("edges").get(doc.get("edges").size() - 1);
        assertEquals("{\"from\":5,\"to\":6,\"kind\":\"copy\",\"line\":40}", copy.toString());
    }

    @Test
    void graphOptionsChangeTargetArgsAndPlatform() throws Exception {
        Path f = Corpus.file("001-");
        JsonNode doc = JSON.readTree(run("graph", f.toString(), "--target", "binaries", "--build-arg",
                "GO_VERSION=1.22", "--platform", "linux/arm64").out());
        assertEquals(12, doc.get("target").asInt());
        assertEquals("golang:1.22-alpine", doc.get("stages").get(2).get("baseResolved").asText());
        assertEquals("[1,2,3,4,5,8,10,12]", doc.get("needed").toString());
        JsonNode byIndex = JSON.readTree(run("graph", f.toString(), "--target", "3").out());
        assertEquals("[1,2,3]", byIndex.get("needed").toString());
    }

    @Test
    void dotAndMermaidDrawTheGraph() {
        Path f = Corpus.file("035-"); // COPY --from an external image
        String dot = run("graph", f.toString(), "--format", "dot").out();
        assertTrue(dot.startsWith("digraph stages {"), dot);
        assertTrue(dot.contains("style=dashed"), dot);
        assertTrue(dot.contains("penwidth=3"), dot);
        String mermaid = run("graph", f.toString(), "--format", "mermaid").out();
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("class s1 target;"), mermaid);
        assertTrue(mermaid.contains("external;"), mermaid);
    }

    @Test
    void brokenDockerfileStillGivesAGraphAndStrictFails(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS build\nRUN make\nFROM scratch AS\nCOPY --from= /a /b\nFROM scratch\nCOPY --from=build /x /x\n");
        Run r = run("graph", f.toString());
        assertEquals(0, r.exit());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(3, doc.get("stages").size());
        List<String> messages = new ArrayList<>();
        doc.get("diagnostics").forEach(d -> messages.add(d.get("line").asInt() + ":" + d.get("message").asText()));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("3:AS needs a stage name")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("4:--from= names nothing")), messages.toString());
        assertEquals(1, run("graph", "--strict", f.toString()).exit());
    }

    @Test
    void graphShowsTheWarningsLintTookOverFromTheParserOnceEach(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS a\nMAINTAINER me\nRUN echo a \\\n\n  b\nFROM alpine AS a\nCMD ['x']\n");
        Run text = run("graph", f.toString(), "--format", "dot", "--platform", "amd64");
        assertEquals(0, text.exit());
        assertEquals(List.of(f + ":1:1: warning: platform 'amd64' is not os/arch[/variant]; using "
                + dev.stagecraft.dockerfile.model.Platform.host() + " (STG019)",
                f + ":2:1: warning: Maintainer instruction is deprecated in favor of using label (MaintainerDeprecated)",
                f + ":3:1: warning: Empty continuation line (NoEmptyContinuation)",
                f + ":6:1: warning: Duplicate stage name \"a\", stage names should be unique (DuplicateStageName)",
                f + ":7:5: warning: not valid JSON, so this runs in shell form; check quotes (JSON needs \"double quotes\") "
                        + "and commas (STG017)"), text.err().lines().toList());
        JsonNode doc = JSON.readTree(run("graph", f.toString()).out());
        List<String> lines = new ArrayList<>();
        doc.get("diagnostics").forEach(d -> lines.add(d.get("severity").asText() + " " + d.get("line").asInt()));
        assertEquals(List.of("warning 2", "warning 3", "warning 6", "warning 7"), lines);
        assertEquals(0, run("graph", "--strict", f.toString()).exit(), "warnings are not errors");
    }

    @Test
    void badInputIsOneClearLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("bin");
        Files.write(binary, new byte[] {'F', 'R', 0, 1});
        Path latin1 = dir.resolve("latin1");
        Files.write(latin1, "FROM caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path big = dir.resolve("big");
        Files.write(big, new byte[11 * 1024 * 1024]);
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        String[][] cases = {
            {dir.resolve("missing").toString(), "no such file"},
            {dir.toString(), "is a directory"},
            {binary.toString(), "looks binary"},
            {latin1.toString(), "is not UTF-8"},
            {big.toString(), "is 11.0 MiB; Dockerfiles over 10 MiB are not opened"},
            {fifo.toString(), "is a FIFO (named pipe), not a Dockerfile"},
            {"/dev/zero", "is a character device, not a Dockerfile"},
            {dangling.toString(), "is a symbolic link to a missing file"},
        };
        for (String command : List.of("graph", "print")) {
            for (String[] c : cases) {
                Run r = run(command, c[0]);
                assertEquals(2, r.exit(), command + " " + c[0]);
                assertTrue(r.err().contains(c[1]), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertEquals("", r.out());
            }
        }
    }

    @Test
    void anUnknownTargetIsOneLineAndExitTwoAsDockerBuild(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"),
                "FROM alpine AS base\nFROM base AS build\nRUN make\nFROM scratch AS final\nCOPY --from=build /a /a\n");
        for (String format : List.of("json", "dot", "mermaid")) {
            Run r = run("graph", f.toString(), "--target", "Bsae", "--format", format);
            assertEquals(2, r.exit(), format);
            assertEquals("stagecraft: no stage 'Bsae'; did you mean 'base'? stages: base, build, final\n", r.err());
            assertEquals("", r.out());
        }
        Run index = run("graph", f.toString(), "--target", "3");
        assertEquals(2, index.exit());
        assertEquals("stagecraft: no stage '3'; stage indexes go from 0 to 2; stages: base, build, final\n", index.err());
        assertEquals(0, run("graph", f.toString(), "--target", "BUILD").exit());
    }

    @Test
    void buildArgsAsDockerBuildReadsThem(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "ARG A=default\nFROM img-${A}\n");
        for (String bad : List.of("=v", "=")) {
            Run r = run("graph", f.toString(), "--build-arg", bad);
            assertEquals(2, r.exit(), bad);
            assertEquals("stagecraft: --build-arg '" + bad + "': the name before '=' is empty; use KEY=VALUE, or KEY"
                    + " alone to take its value from the environment\n", r.err());
        }
        Run missing = run("graph", f.toString(), "--build-arg");
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(!missing.err().contains("option option"), missing.err());
        assertEquals("img-1=2", base(run("graph", f.toString(), "--build-arg=A=1=2")));
        assertEquals("img-", base(run("graph", f.toString(), "--build-arg", "A=")));
        // KEY alone: the environment's value, or the ARG's default when the environment has none
        Path home = Files.writeString(dir.resolve("home"), "ARG HOME=default\nFROM img${HOME}\n");
        assertEquals("img" + System.getenv("HOME"), base(run("graph", home.toString(), "--build-arg", "HOME")));
        String unset = "STAGECRAFT_NOT_IN_THE_ENVIRONMENT";
        assertEquals(null, System.getenv(unset));
        Path u = Files.writeString(dir.resolve("unset"), "ARG " + unset + "=default\nFROM img-${" + unset + "}\n");
        assertEquals("img-default", base(run("graph", u.toString(), "--build-arg", unset)));
        assertEquals("img-default", base(run("graph", u.toString(), "--build-arg", unset + "=x", "--build-arg", unset)),
                "a later bare KEY the environment lacks unsets it, as in docker build");
    }

    @Test
    void emptyAndCommentOnlyFilesAreErrorsAsInBuildKit(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path comments = Files.writeString(dir.resolve("comments"), "# syntax=docker/dockerfile:1\n# nothing else\n\n");
        Path args = Files.writeString(dir.resolve("args"), "ARG A=1\n");
        String[][] cases = {
            {empty.toString(), "the Dockerfile cannot be empty"},
            {comments.toString(), "file with no instructions"},
            {args.toString(), "dockerfile contains no stages to build"},
        };
        for (String[] c : cases) {
            Run r = run("graph", c[0]);
            assertEquals(0, r.exit(), r.err());
            JsonNode d = JSON.readTree(r.out()).get("diagnostics");
            assertEquals(1, d.size(), d.toString());
            assertEquals("error", d.get(0).get("severity").asText());
            assertTrue(d.get(0).get("message").asText().startsWith(c[1]), d.toString());
            assertEquals(1, run("graph", "--strict", c[0]).exit(), c[0]);
        }
    }

    @Test
    void deepAndLongFilesGiveAGraph(@TempDir Path dir) throws Exception {
        Path deep = Files.writeString(dir.resolve("deep"),
                "FROM " + GeneratedDockerfile.nestedDefaults(1500, "busybox") + "\n");
        Run r = run("graph", deep.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("busybox", JSON.readTree(r.out()).get("stages").get(0).get("baseResolved").asText());
        Path chain = Files.writeString(dir.resolve("chain"), GeneratedDockerfile.forwardChain(6000));
        Run g = run("graph", chain.toString(), "--format", "dot", "--target", "s0");
        assertEquals(0, g.exit(), g.err());
        assertEquals(6000 + 5999, g.out().lines().filter(l -> l.startsWith("  s")).count());
        assertEquals(0, g.out().lines().filter(l -> l.contains("color=grey")).count(), "s0 needs every stage");
    }

    private static String base(Run r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out()).get("stages").get(0).get("baseResolved").asText();
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
