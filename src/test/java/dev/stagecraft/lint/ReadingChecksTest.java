package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that took over the parser's warnings: STG017, STG018, STG019, and MaintainerDeprecated,
 * NoEmptyContinuation and DuplicateStageName on every stage, the ones the target never builds too.
 */
class ReadingChecksTest {

    @Test
    void execFormThatIsNotJsonIsStg017ButTheShellsTestCommandIsNot() {
        String text = "FROM alpine\nRUN ['echo', 'hi']\nRUN [ -f /etc/os-release ] && echo yes\n"
                + "RUN [[ -n \"$X\" ]] && echo x\nCMD [ 'a', 'b' ]\nHEALTHCHECK CMD ['true']\nHEALTHCHECK CMD [ -f /ok ]\n"
                + "ONBUILD RUN [\"x\"\nVOLUME [\"/data\"]\nENTRYPOINT [1, 2]\n";
        assertEquals(List.of("STG017@2", "STG017@5", "STG017@6", "STG017@8"), Lint.stagecraft("STG017", text));
        List<Finding> f = Lint.findings("STG017", text, Profile.STAGECRAFT);
        assertEquals("not valid JSON, so this runs in shell form; check quotes (JSON needs \"double quotes\") and commas",
                f.get(0).message());
        assertEquals("unterminated JSON array, so this runs in shell form", f.get(3).message());
        assertEquals("['true']", f.get(2).range().text(text), "the JSON text after HEALTHCHECK CMD");
        StageGraph g = StageGraph.parse(text);
        assertEquals(List.of("ENTRYPOINT: the exec form must be a JSON array of strings"),
                g.diagnostics().stream().map(d -> d.message()).toList(), "valid JSON of numbers stays the parser's error");
    }

    @Test
    void anOpenQuoteInAShellCommandIsStg018AndElsewhereTheParsersError() {
        String text = "FROM alpine\nRUN echo \"oops\nCMD [\"echo\", \"fine\"]\nONBUILD RUN echo 'z\nENV A=\"open\n";
        assertEquals(List.of("STG018@2", "STG018@4"), Lint.stagecraft("STG018", text));
        assertEquals("unterminated quote in \"oops: the shell will fail on it",
                Lint.findings("STG018", text, Profile.STAGECRAFT).get(0).message());
        assertEquals(List.of("5: unterminated quote in A=\"open"), StageGraph.parse(text).diagnostics().stream()
                .map(d -> d.line() + ": " + d.message()).toList());
    }

    @Test
    void anEmptyFromIsStg020NotAnErrorForDockerBuildsItFromTheContext() {
        String text = "FROM alpine AS b\nFROM alpine\nCOPY --from= a /a\nCOPY --from=b /x /x\nONBUILD COPY --from= c /c\n";
        assertEquals(List.of("STG020@3", "STG020@5"), Lint.stagecraft("STG020", text));
        assertEquals(List.of(), StageGraph.parse(text).diagnostics());
        assertEquals(List.of(0), StageGraph.parse(text).edgesInto(1).stream().map(e -> e.from()).toList());
    }

    @Test
    void aTargetPlatformThatIsNotOsArchIsStg019() {
        String text = "FROM alpine\nRUN true\n";
        List<Finding> bad = Linter.lint(StageGraph.of(DockerfileParser.parse(text),
                new GraphOptions(null, Map.of(), "amd64-linux")), LintOptions.DEFAULT);
        assertEquals(List.of("STG019"), bad.stream().map(f -> f.rule().id()).filter(id -> id.equals("STG019")).toList());
        assertTrue(bad.stream().filter(f -> f.rule().id().equals("STG019")).findFirst().orElseThrow().message()
                .startsWith("platform 'amd64-linux' is not os/arch[/variant]; using "));
        List<Finding> good = Linter.lint(StageGraph.of(DockerfileParser.parse(text),
                new GraphOptions(null, Map.of(), "linux/arm64")), LintOptions.DEFAULT);
        assertTrue(good.stream().noneMatch(f -> f.rule().id().equals("STG019")), good.toString());
    }

    @Test
    void theMovedBuildKitChecksLookAtStagesTheTargetNeverBuildsAndBeforeTheFirstFrom() {
        String text = "ARG A=1 \\\n\n    B=2\nFROM alpine AS old\nMAINTAINER me\nFROM alpine AS dup\nFROM alpine AS dup\n"
                + "FROM alpine\nRUN true\n";
        assertEquals(List.of("NoEmptyContinuation@1"), Lint.stagecraft("NoEmptyContinuation", text));
        assertEquals(List.of("MaintainerDeprecated@5"), Lint.stagecraft("MaintainerDeprecated", text));
        assertEquals(List.of("DuplicateStageName@7"), Lint.stagecraft("DuplicateStageName", text));
        assertEquals(List.of("DuplicateStageName@7"), Lint.buildkit("DuplicateStageName", text));
    }

    @Test
    void anEmptyLineAfterTheLastContinuationAtTheEndOfTheFileIsStillReported() {
        assertEquals(List.of("NoEmptyContinuation@2"),
                Lint.stagecraft("NoEmptyContinuation", "FROM alpine\nRUN echo a \\\n  \n"));
        assertEquals(List.of("NoEmptyContinuation@2"),
                Lint.stagecraft("NoEmptyContinuation", "FROM alpine\nRUN echo a \\\n# note\n\n"));
        assertEquals(List.of(), Lint.stagecraft("NoEmptyContinuation", "FROM alpine\nRUN echo a \\\n"));
        assertEquals(List.of(), Lint.stagecraft("NoEmptyContinuation", "FROM alpine\nRUN echo a\n\n"));
    }

    @Test
    void pragmasAndIgnoreWorkOnTheMovedRulesAsOnAnyOther() {
        String text = "FROM alpine\n# hadolint ignore=STG017\nCMD ['a']\nCMD ['b']\n";
        assertEquals(List.of("STG017@4"), Lint.stagecraft("STG017", text));
        assertEquals(List.of(), Lint.run(text, LintOptions.DEFAULT.withIgnored(java.util.Set.of("stg017"))).stream()
                .filter(f -> f.rule().id().equals("STG017")).toList());
    }

    @Test
    void readingFindingsAreWhatTheGraphCommandShowsBesideTheParsersErrors() {
        String text = "FROM alpine AS a\nMAINTAINER me\nRUN echo \"x\nCMD ['a']\nFROM alpine AS a\nRUN apt-get update\n";
        List<String> ids = Linter.readingFindings(StageGraph.parse(text)).stream()
                .map(f -> f.rule().id() + "@" + f.line()).toList();
        assertEquals(List.of("MaintainerDeprecated@2", "STG018@3", "STG017@4", "DuplicateStageName@5"), ids);
    }
}
