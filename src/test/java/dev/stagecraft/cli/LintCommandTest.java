package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft lint} as a user runs it: files in; findings, one-line errors and exit codes out. */
class LintCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void findingsExitOneAndCleanFilesExitZero(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path bad = write(dir, "Dockerfile", "FROM debian\nRUN apt-get install curl\n");
        Path clean = write(dir, "clean.Dockerfile", "FROM scratch\nCOPY app /app\n");
        CliTest.Run r = CliTest.run("lint", "--no-color", bad.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains(bad + ":2 DL3014 warning: Use the `-y` switch"), r.out());
        assertEquals(0, CliTest.run("lint", clean.toString()).exit());
        assertEquals(0, CliTest.run("lint", "--failure-threshold", "error", bad.toString()).exit());
        assertEquals(0, CliTest.run("lint", "--failure-threshold", "none", bad.toString()).exit());
    }

    @Test
    void manyFilesInOneRunAndJsonShape(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path a = write(dir, "a/Dockerfile", "FROM debian:12\nWORKDIR app\n");
        Path b = write(dir, "b/Dockerfile", "FROM alpine:3 as x\n");
        CliTest.Run r = CliTest.run("lint", "--format", "json", a.toString(), b.toString());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(2, root.get("files").size());
        assertEquals(a.toString(), root.get("files").get(0).get("file").asText());
        assertTrue(root.get("files").get(0).get("findings").findValuesAsText("rule").contains("DL3000"));
        assertEquals("FromAsCasing", root.get("files").get(1).get("findings").get(0).get("rule").asText());
    }

    @Test
    void unreadableInputIsOneLineAndExitTwoButOtherFilesAreLinted(@TempDir Path dir) throws Exception {
        Path good = write(dir, "Dockerfile", "FROM debian\n");
        CliTest.Run r = CliTest.run("lint", "--format", "json", dir.resolve("missing").toString(), good.toString(),
                dir.toString());
        assertEquals(2, r.exit());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no such file") && r.err().contains("is a directory"), r.err());
        assertFalse(r.err().contains("Exception"));
        assertEquals(1, JSON.readTree(r.out()).get("files").size());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path f = write(dir, "Dockerfile", "FROM debian:12 AS base\nFROM base\n");
        for (String[] args : new String[][] {{"lint", "--profile", "pedantic", f.toString()},
                {"lint", "--format", "xml", f.toString()}, {"lint", "--failure-threshold", "loud", f.toString()},
                {"lint", "--ignore", "DL9999", f.toString()}, {"lint", "--explain", "nope"}, {"lint"},
                {"lint", "--target", "bsae", f.toString()}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("stagecraft: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(CliTest.run("lint", "--target", "bsae", f.toString()).err().contains("did you mean 'base'?"));
    }

    @Test
    void profilesTargetAndAllStages(@TempDir Path dir) throws Exception {
        Path f = write(dir, "Dockerfile", "FROM debian:12 AS build\nUSER root\nRUN sudo make\nFROM debian:12\nUSER app\n");
        assertTrue(CliTest.run("lint", "--profile", "hadolint", f.toString()).out().contains("DL3002"));
        String stagecraft = CliTest.run("lint", f.toString()).out();
        assertFalse(stagecraft.contains("DL3002") || stagecraft.contains("DL3004"), stagecraft);
        assertTrue(CliTest.run("lint", "--all-stages", f.toString()).out().contains("DL3004"));
        assertTrue(CliTest.run("lint", "--target", "build", f.toString()).out().contains("STG001"));
        assertFalse(CliTest.run("lint", "--ignore", "dl3004", "--all-stages", f.toString()).out().contains("DL3004"));
    }

    @Test
    void configNextToTheFileAndExplicitConfig(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path f = write(dir, "svc/Dockerfile", "FROM debian\n");
        write(dir, ".hadolint.yaml", "ignored: [DL3006, STG007]\n");
        assertEquals(0, CliTest.run("lint", f.toString()).exit());
        Path other = write(dir, "other.yaml", "failure-threshold: error\noverride:\n  error: [STG007]\n");
        CliTest.Run r = CliTest.run("lint", "--config", other.toString(), f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("STG007 error"), r.out());
        write(dir, "broken.yaml", "ignored: DL3006\n");
        CliTest.Run broken = CliTest.run("lint", "--config", dir.resolve("broken.yaml").toString(), f.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("ignored must be a list"), broken.err());
    }

    @Test
    void copyIgnoredFileReadsTheContextsDockerignore(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path f = write(dir, "Dockerfile", "FROM debian:12\nCOPY README.md /app/\n");
        write(dir, ".dockerignore", "*.md\n");
        assertTrue(CliTest.run("lint", f.toString()).out()
                .contains("CopyIgnoredFile warning: Attempting to Copy file \"README.md\" that is excluded by .dockerignore"));
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        assertFalse(CliTest.run("lint", "--context", ctx.toString(), f.toString()).out().contains("CopyIgnoredFile"));
    }

    @Test
    void explainAndListRules() {
        CliTest.Run r = CliTest.run("lint", "--explain", "dl3009");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("DL3009 (info, hadolint): Delete the apt-get lists"), r.out());
        assertTrue(r.out().contains("Bad:") && r.out().contains("Good:") && r.out().contains("Refined by STG002"));
        CliTest.Run list = CliTest.run("lint", "--list-rules");
        assertEquals(0, list.exit());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("DL3008 ")));
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("UndefinedVar ")));
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("STG015 ")));
    }

    @Test
    void sarifOutputIsValidJson(@TempDir Path dir) throws Exception {
        Path f = write(dir, "Dockerfile", "FROM debian\n");
        JsonNode root = JSON.readTree(CliTest.run("lint", "--format", "sarif", f.toString()).out());
        assertEquals("2.1.0", root.get("version").asText());
    }
}
