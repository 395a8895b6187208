package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PragmaAndConfigTest {
    private static List<String> ids(String text, LintOptions o) {
        return Lint.run(text, o).stream().map(f -> f.rule().id() + "@" + f.line()).toList();
    }

    @Test
    void hadolintIgnoreAppliesToTheNextLineOnly() {
        String text = "FROM debian\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n"
                + "RUN apt-get install -y git\n";
        List<String> found = ids(text, LintOptions.of(Profile.HADOLINT));
        assertTrue(found.contains("DL3006@1"));
        assertTrue(!found.contains("DL3008@3") && !found.contains("DL3015@3"), found.toString());
        assertTrue(found.contains("DL3008@4") && found.contains("DL3015@4"), found.toString());
    }

    @Test
    void ignoreAnchorsToTheInstructionStartForMultiLineInstructions() {
        String text = "FROM debian:12\n# hadolint ignore=DL3008 # because\nRUN apt-get update && \\\n"
                + "    apt-get install -y curl\n";
        assertTrue(ids(text, LintOptions.of(Profile.HADOLINT)).stream().noneMatch(s -> s.startsWith("DL3008")));
    }

    @Test
    void globalIgnoreAndOtherRuleNamesWork() {
        String text = "# hadolint global ignore=DL3006, StageNameCasing\nFROM debian AS Build\nFROM debian AS x\n";
        List<String> found = ids(text, LintOptions.DEFAULT.withAllStages(true));
        assertTrue(found.stream().noneMatch(s -> s.startsWith("DL3006") || s.startsWith("StageNameCasing")), found.toString());
    }

    @Test
    void checkDirectiveSkipsAndMakesErrors() {
        String text = "# check=skip=FromAsCasing,DL3007;error=true\nFROM a:latest as x\nWORKDIR app\n";
        List<Finding> f = Lint.run(text, LintOptions.DEFAULT);
        assertTrue(f.stream().noneMatch(x -> x.rule().id().equals("FromAsCasing") || x.rule().id().equals("DL3007")));
        Finding w = f.stream().filter(x -> x.rule().id().equals("WorkdirRelativePath")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, w.severity());
        Finding h = f.stream().filter(x -> x.rule().id().equals("DL3000")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, h.severity()); // DL3000 is an error by default anyway
        assertTrue(ids("# check=skip=all\nFROM a:1 as x\nWORKDIR app\n", LintOptions.of(Profile.BUILDKIT)).isEmpty());
    }

    @Test
    void optionsIgnoreAndOverride() {
        String text = "FROM debian\nWORKDIR app\n";
        LintOptions o = LintOptions.of(Profile.HADOLINT).withIgnored(java.util.Set.of("dl3006"))
                .withSeverities(Map.of("DL3000", Severity.STYLE));
        List<Finding> f = Lint.run(text, o);
        assertEquals(1, f.size());
        assertEquals(Severity.STYLE, f.get(0).severity());
    }

    @Test
    void configFileKeys(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve(".hadolint.yaml");
        Files.writeString(cfg, "ignored:\n  - DL3006\n  - stg016\noverride:\n  error: [DL3015]\n  style:\n"
                + "    - FromAsCasing\nfailure-threshold: warning\ntrustedRegistries:\n  - quay.io\nformat: json\n");
        LintConfig c = LintConfig.read(cfg);
        assertEquals(java.util.Set.of("DL3006", "stg016"), c.ignored());
        assertEquals(Map.of("DL3015", Severity.ERROR, "FromAsCasing", Severity.STYLE), c.severities());
        assertEquals("warning", c.failureThreshold());
        assertEquals(List.of("quay.io"), c.trustedRegistries());
        LintOptions o = c.applyTo(LintOptions.DEFAULT);
        List<Finding> f = Lint.run("FROM debian as x\nRUN apt-get install -y curl=1\n", o);
        assertTrue(f.stream().noneMatch(x -> x.rule().id().equals("DL3006")));
        assertEquals(Severity.STYLE, f.stream().filter(x -> x.rule().id().equals("FromAsCasing")).findFirst()
                .orElseThrow().severity());
        assertTrue(f.stream().anyMatch(x -> x.rule().id().equals("DL3026")), f.toString());
    }

    @Test
    void badConfigsSayWhatIsWrongInOneLine(@TempDir Path dir) throws IOException {
        for (String bad : List.of("ignored: DL3006\n", "override:\n  fatal: [DL3006]\n", "failure-threshold: loud\n",
                "- just\n- a list\n", "ignored: [\n")) {
            Path p = dir.resolve("c.yaml");
            Files.writeString(p, bad);
            LintConfig.Invalid e = assertThrows(LintConfig.Invalid.class, () -> LintConfig.read(p));
            assertTrue(e.getMessage().startsWith("config " + p), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertThrows(LintConfig.Invalid.class, () -> LintConfig.read(dir.resolve("missing.yaml")));
    }

    @Test
    void configIsFoundUpToTheRepositoryRootThenInTheUsersConfig(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Path sub = repo.resolve("svc/api");
        Files.createDirectories(sub);
        Files.createDirectories(repo.resolve(".git"));
        Path dockerfile = sub.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM a:1\n");
        Files.writeString(dir.resolve(".hadolint.yaml"), "ignored: [DL3006]\n"); // above the repository: not used
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".config"));
        Map<String, String> env = Map.of("HOME", home.toString());
        assertTrue(LintConfig.find(dockerfile, env).isEmpty());
        Files.writeString(home.resolve(".config/hadolint.yaml"), "ignored: []\n");
        assertEquals(home.resolve(".config/hadolint.yaml"), LintConfig.find(dockerfile, env).orElseThrow());
        Files.writeString(repo.resolve(".hadolint.yml"), "ignored: []\n");
        assertEquals(repo.resolve(".hadolint.yml"), LintConfig.find(dockerfile, env).orElseThrow());
        Files.writeString(sub.resolve(".hadolint.yaml"), "ignored: []\n");
        assertEquals(sub.resolve(".hadolint.yaml"), LintConfig.find(dockerfile, env).orElseThrow());
    }
}
