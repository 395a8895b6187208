package dev.stagecraft.dockerfile.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Severity;
import dev.stagecraft.testing.GeneratedDockerfile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Input that used to crash or hang the graph: nesting that overflowed Java's stack, chains of
 * stages the recursive walks could not follow, values that grow without bound. The timeouts
 * only stop a hang (each case takes milliseconds); speed is measured by ParseBenchmark.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileGraphInputTest {

    @Test
    void dollarBraceNested1500DeepResolvesLikeBuildKit() {
        // the 9 kB file of issue 9: BuildKit (Go stacks grow) resolves it; Stagecraft overflowed
        String deep = GeneratedDockerfile.nestedDefaults(1500, "busybox");
        StageGraph g = StageGraph.parse("FROM " + deep + " AS a\nFROM scratch\nCOPY --from=" + deep + " /a /b\n");
        assertEquals("busybox", g.stages().get(0).baseResolved());
        assertEquals(List.of("busybox"), g.external().stream().map(ExternalImage::image).toList());
        assertEquals(List.of(), errors(g));
    }

    @Test
    void nestingAsDeepAsTheFileAllowsCostsNoStack() {
        String deep = GeneratedDockerfile.nestedDefaults(1_000_000, "busybox"); // 7 MB in one word
        StageGraph g = StageGraph.parse("FROM " + deep + "\n");
        assertEquals("busybox", g.stages().get(0).baseResolved());
        // an ARG default too, and a ${ left open at the bottom stays as written
        StageGraph open = StageGraph.parse("ARG A=" + "${V:-".repeat(200_000) + "x\nFROM img-$A\n");
        assertEquals("img-" + "${V:-".repeat(200_000) + "x", open.stages().get(0).baseResolved());
    }

    @Test
    void sixThousandStagesChainedByCopyFromHaveAGraph() {
        // each stage copies from the next: the recursive cycle check went 6,000 calls deep and overflowed
        StageGraph g = StageGraph.of(DockerfileParser.parse(GeneratedDockerfile.forwardChain(6_000)),
                GraphOptions.DEFAULT.withTarget("s0"));
        assertEquals(6_000, g.stages().size());
        assertEquals(6_000, g.needed().size(), "the first stage needs every stage after it");
        assertEquals(List.of(), errors(g));
        StageGraph chain = StageGraph.parse(GeneratedDockerfile.chain(6_000));
        assertEquals(6_000, chain.needed().size(), "the last stage needs every stage before it");
    }

    @Test
    void fiftyThousandStagesIndexedLookups() {
        StageGraph g = StageGraph.parse(GeneratedDockerfile.chain(50_000));
        assertEquals(50_000, g.needed().size());
        Stage s = g.find("s31337").orElseThrow();
        assertEquals(31_337, s.index());
        assertEquals(s, g.stageAt(s.range().start()).orElseThrow());
        assertEquals(s, g.stageAt(s.range().end() - 1).orElseThrow());
        assertEquals(List.of(31_336), g.edgesInto(31_337).stream().map(StageEdge::from).toList());
        assertEquals(List.of(31_338), g.edgesFrom(31_337).stream().map(StageEdge::to).toList());
        assertEquals(49_999, g.with(g.options().withTarget("s49999")).target());
        assertEquals(List.of(0, 1, 2), g.with(g.options().withTarget("2")).needed());
    }

    @Test
    void aCycleThroughThousandsOfStagesIsOneShortLine() {
        // s0 copies from the last stage, which needs every stage before it: one cycle, 20,000 long
        String text = GeneratedDockerfile.chain(20_000).replaceFirst("FROM \\$\\{BASE} AS s0\n",
                "FROM \\${BASE} AS s0\nCOPY --from=s19999 /x /x\n");
        StageGraph g = StageGraph.parse(text);
        List<String> cycles = errors(g).stream().filter(m -> m.startsWith("circular dependency")).toList();
        assertEquals(1, cycles.size(), cycles.toString());
        assertEquals("circular dependency: s0 \u2190 s19999 \u2190 s19998 \u2190 s19997 \u2190 \u2026 (19993 more)"
                + " \u2190 s3 \u2190 s2 \u2190 s1 \u2190 s0", cycles.get(0).substring(0, Math.min(200, cycles.get(0).length())));
        Diagnostic d = g.diagnostics().stream().filter(x -> x.message().startsWith("circular")).findFirst().orElseThrow();
        assertEquals(6, d.line(), "a COPY --from in the cycle (s1 copying from s0), not a FROM");
    }

    @Test
    void shortCyclesAreNamedInFull() {
        StageGraph g = StageGraph.parse("FROM a AS x\nCOPY --from=y /a /a\nFROM x AS y\n");
        assertEquals(List.of("circular dependency: x \u2190 y \u2190 x"), errors(g));
        assertEquals(2, g.diagnostics().get(0).line());
    }

    @Test
    void argsBuiltFromArgsCannotExhaustMemory() {
        // each ARG ten times the one before: 10^12 characters if expanded in full
        StringBuilder text = new StringBuilder("ARG A0=xxxxxxxxxx\n");
        for (int i = 1; i <= 12; i++) {
            text.append("ARG A").append(i).append('=').append(("$A" + (i - 1)).repeat(10)).append('\n');
        }
        text.append("FROM img-$A12\nFROM img-$A2\n");
        StageGraph g = StageGraph.parse(text.toString());
        assertTrue(errors(g).stream().anyMatch(m -> m.startsWith("variables expand to more than 16 M characters")),
                errors(g).toString());
        assertEquals(2, g.stages().size());
        assertEquals("img-$A2", g.stages().get(1).baseResolved(), "once over the budget, words stay as written");
        assertEquals("img-" + "x".repeat(1000), StageGraph.parse("ARG A0=xxxxxxxxxx\nARG A1=" + "$A0".repeat(10)
                + "\nARG A2=" + "$A1".repeat(10) + "\nFROM img-$A2\n").stages().get(0).baseResolved());
    }

    @Test
    void aMountValueWithManyFromLookalikesIsReadOnce() {
        // locating from= lower-cased the whole value once per candidate: quadratic in its length
        String value = "type=bind,source=/a" + ",xfrom=a".repeat(300_000) + ",from=base";
        StageGraph g = StageGraph.parse("FROM alpine AS base\nFROM scratch\nRUN --mount=" + value + " true\n");
        assertEquals(1, g.edgesInto(1).size());
        assertEquals(EdgeKind.MOUNT, g.edgesInto(1).get(0).kind());
    }

    @Test
    void namesResolveToTheLastStageOfThatNameBeforeTheReference() {
        StageGraph g = StageGraph.parse("FROM alpine AS x\nFROM x AS y\nFROM debian AS x\nFROM x AS z\n"
                + "FROM scratch\nCOPY --from=x /a /a\n");
        assertEquals(0, g.stages().get(1).baseStage(), "FROM sees the x defined so far");
        assertEquals(2, g.stages().get(3).baseStage());
        assertEquals(List.of(2), g.edgesInto(4).stream().map(StageEdge::from).toList(), "--from: the last x");
        assertEquals(2, g.find("X").orElseThrow().index());
        List<String> warnings = g.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::message).toList();
        assertEquals(List.of(), warnings, "a duplicate name is BuildKit's DuplicateStageName check, in lint");
    }

    @Test
    void aFileWithOnlyArgsHasNoStagesAndSaysSo() {
        StageGraph g = StageGraph.parse("ARG A=1\n");
        assertEquals(List.of("dockerfile contains no stages to build: add a FROM"), errors(g));
    }

    private static List<String> errors(StageGraph g) {
        return g.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::message).toList();
    }
}
