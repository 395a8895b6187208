package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each quick fix: the text before and after, applied as one change; the result is clean of that finding. */
class FixesTest {
    private static String fix(String rule, String text, Profile profile) {
        Finding f = Lint.findings(rule, text, profile).get(0);
        String after = f.fix().applyTo(text);
        assertEquals(List.of(), Lint.findings(rule, after, profile).stream().map(Finding::toString).toList(),
                "the fix leaves no " + rule);
        return after;
    }

    @Test
    void aptFlagsAndLists() {
        String text = "FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl=1 && apt-get install git=2\n";
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl=1 && apt-get install -y git=2\n",
                fix("DL3014", text, Profile.HADOLINT));
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n    apt-get install --no-install-recommends curl=1 && "
                + "apt-get install --no-install-recommends git=2\n", fix("DL3015", text, Profile.HADOLINT));
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl=1 && apt-get install git=2"
                + " && rm -rf /var/lib/apt/lists/*\n", fix("DL3009", text, Profile.HADOLINT));
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl=1 && apt-get install git=2"
                + " && rm -rf /var/lib/apt/lists/*\n", fix("STG002", text, Profile.STAGECRAFT));
    }

    @Test
    void apkAndPipAndYarn() {
        assertEquals("FROM alpine:3\nRUN apk add --no-cache curl=1\n",
                fix("DL3019", "FROM alpine:3\nRUN apk add curl=1\n", Profile.HADOLINT));
        assertEquals("FROM python:3\nRUN pip install --no-cache-dir x==1\n",
                fix("DL3042", "FROM python:3\nRUN pip install x==1\n", Profile.HADOLINT));
        assertEquals("FROM node:20\nRUN yarn install && yarn cache clean\n",
                fix("DL3060", "FROM node:20\nRUN yarn install\n", Profile.HADOLINT));
    }

    @Test
    void noFixWhereTheWordIsNotPlain() {
        assertNull(Lint.findings("DL3014", "FROM a:1\nRUN sh -c 'apt-get install x'\n", Profile.HADOLINT).get(0).fix());
        assertNull(Lint.findings("DL3014", "FROM a:1\nRUN [\"apt-get\", \"install\", \"x\"]\n", Profile.HADOLINT).get(0).fix());
    }

    @Test
    void jsonForm() {
        assertEquals("FROM a:1\nCMD [\"node\", \"server.js\"]\n",
                fix("DL3025", "FROM a:1\nCMD node server.js\n", Profile.HADOLINT));
        assertEquals("FROM a:1\nENTRYPOINT [\"/app\", \"--serve\"]\n",
                fix("JSONArgsRecommended", "FROM a:1\nENTRYPOINT /app --serve\n", Profile.BUILDKIT));
        assertNull(Lint.findings("DL3025", "FROM a:1\nCMD echo $HOME && run\n", Profile.HADOLINT).get(0).fix());
    }

    @Test
    void stageNameCasingRenamesEveryReference() {
        String text = "FROM golang:1.22 AS Build\nRUN true\nFROM Build AS test\nFROM debian:12\nCOPY --from=Build /a /a\n";
        assertEquals("FROM golang:1.22 AS build\nRUN true\nFROM build AS test\nFROM debian:12\nCOPY --from=build /a /a\n",
                Lint.findings("StageNameCasing", text, Profile.BUILDKIT).get(0).fix().applyTo(text));
    }

    @Test
    void fromAsCasingAndMaintainerAndKeyValue() {
        assertEquals("FROM a:1 AS x\n", fix("FromAsCasing", "FROM a:1 as x\n", Profile.BUILDKIT));
        assertEquals("from a:1 as x\n", fix("FromAsCasing", "from a:1 AS x\n", Profile.BUILDKIT));
        assertEquals("FROM a:1\nLABEL org.opencontainers.image.authors=\"Jane \\\"J\\\" <j@x>\"\n",
                fix("MaintainerDeprecated", "FROM a:1\nMAINTAINER Jane \"J\" <j@x>\n", Profile.BUILDKIT));
        assertEquals("FROM a:1\nLABEL maintainer=\"me\"\n", fix("DL4000", "FROM a:1\nMAINTAINER me\n", Profile.HADOLINT));
        assertEquals("FROM a:1\nENV DEPS=\"curl git\"\nENV A=b\n",
                fix("LegacyKeyValueFormat", "FROM a:1\nENV DEPS curl git\nENV A=b\n", Profile.BUILDKIT));
        assertEquals("FROM a:1\nENV A=b\n", fix("LegacyKeyValueFormat", "FROM a:1\nENV A b\n", Profile.BUILDKIT));
    }

    @Test
    void pipefailShellBeforeThePipedRun() {
        assertEquals("FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl x | tar xz\n",
                fix("DL4006", "FROM a:1\nRUN curl x | tar xz\n", Profile.HADOLINT));
        assertEquals("FROM a:1\r\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\r\nRUN a | b\r\n",
                fix("DL4006", "FROM a:1\r\nRUN a | b\r\n", Profile.HADOLINT));
    }

    @Test
    void cacheMountAndPlatformAndExpose() {
        String text = "FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n";
        assertEquals("FROM debian:12 AS build\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked "
                + "--mount=type=cache,target=/var/lib/apt,sharing=locked apt-get install -y gcc\nFROM scratch\n"
                + "COPY --from=build /a /a\n", fix("STG015", text, Profile.STAGECRAFT));
        assertEquals("FROM alpine:3\n", fix("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM alpine:3\n",
                Profile.BUILDKIT));
        assertEquals("FROM a:1\nEXPOSE 80/tcp\n", fix("ExposeProtoCasing", "FROM a:1\nEXPOSE 80/TCP\n", Profile.BUILDKIT));
        assertEquals("FROM a:1\nRUN x\n", fix("ConsistentInstructionCasing", "FROM a:1\nrun x\n", Profile.BUILDKIT));
    }

    @Test
    void ignoreHereAddsThePragmaAboveTheInstruction() {
        String text = "FROM a:1\n  RUN apt-get update && \\\n    apt-get install -y x\n";
        Finding f = Lint.findings("DL3008", text, Profile.HADOLINT).get(0);
        String after = Fixes.ignoreHere(f, text).applyTo(text);
        assertEquals("FROM a:1\n  # hadolint ignore=DL3008\n  RUN apt-get update && \\\n    apt-get install -y x\n", after);
        assertEquals(List.of(), Lint.findings("DL3008", after, Profile.HADOLINT));
        String bk = "FROM a:1 as x\n";
        Finding casing = Lint.findings("FromAsCasing", bk, Profile.BUILDKIT).get(0);
        assertEquals(List.of(), Lint.findings("FromAsCasing", Fixes.ignoreHere(casing, bk).applyTo(bk), Profile.BUILDKIT));
    }

    @Test
    void fixAllForARuleIsOneChange() {
        String text = "FROM a:1\nRUN apt-get install x=1\nRUN apt-get install y=1\nRUN apt-get install z=1\n";
        List<Finding> all = Lint.run(text, LintOptions.of(Profile.HADOLINT));
        Fix fix = Fixes.fixAll(all, "DL3014");
        assertEquals(3, fix.edits().size());
        String after = fix.applyTo(text);
        assertEquals("FROM a:1\nRUN apt-get install -y x=1\nRUN apt-get install -y y=1\nRUN apt-get install -y z=1\n", after);
        assertEquals(after, fix.plan().applyTo(text)); // the same EditPlan machinery as graph gestures
        assertNull(Fixes.fixAll(all, "DL3008"));
    }

    @Test
    void fixesAreAgainstTheLintedSnapshotOnly() {
        StageGraph g = StageGraph.parse("FROM a:1\nRUN apt-get install x=1\n");
        Finding f = Linter.lint(g, LintOptions.of(Profile.HADOLINT)).stream()
                .filter(x -> x.rule().id().equals("DL3014")).findFirst().orElseThrow();
        assertEquals(List.of(new dev.stagecraft.dockerfile.edit.TextEdit(28, 28, " -y")), f.fix().edits());
    }
}
