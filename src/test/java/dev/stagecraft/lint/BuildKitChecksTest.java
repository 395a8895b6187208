package dev.stagecraft.lint;

import static dev.stagecraft.lint.Lint.buildkit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BuildKit's checks with BuildKit's meaning, messages and lines (profile buildkit). */
class BuildKitChecksTest {
    private static final List<String> NONE = List.of();

    private static String message(String rule, String text) {
        return Lint.findings(rule, text, Profile.BUILDKIT).get(0).message();
    }

    @Test
    void stageNameCasing() {
        assertEquals(List.of("StageNameCasing@1"), buildkit("StageNameCasing", "FROM a:1 AS Build\nFROM b:1 AS ok\n"));
        assertEquals("Stage name 'Build' should be lowercase", message("StageNameCasing", "FROM a:1 AS Build\n"));
    }

    @Test
    void fromAsCasing() {
        assertEquals(List.of("FromAsCasing@1", "FromAsCasing@2"),
                buildkit("FromAsCasing", "FROM a:1 as x\nfrom b:1 AS y\nFROM c:1 AS z\nfrom d:1 as w\nFrom e:1 as v\n"));
        assertEquals("'as' and 'FROM' keywords' casing do not match", message("FromAsCasing", "FROM a:1 as x\n"));
    }

    @Test
    void noEmptyContinuationCoversTheInstruction() {
        String text = "FROM a:1\nRUN apk add \\\n\n    gnupg\nRUN x \\\n  # comment\n  y\n";
        List<Finding> f = Lint.findings("NoEmptyContinuation", text, Profile.BUILDKIT);
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).range().line());
        assertEquals(4, f.get(0).range().endLine());
        assertEquals("Empty continuation line", f.get(0).message());
    }

    @Test
    void consistentInstructionCasingFollowsTheMajority() {
        assertEquals(List.of("ConsistentInstructionCasing@3"),
                buildkit("ConsistentInstructionCasing", "FROM a:1\nRUN x\nrun y\n"));
        assertEquals(List.of("ConsistentInstructionCasing@1"),
                buildkit("ConsistentInstructionCasing", "FROM a:1\nrun x\nrun y\n"));
        assertEquals("Command 'Run' should match the case of the command majority (uppercase)",
                message("ConsistentInstructionCasing", "FROM a:1\nRun x\n"));
    }

    @Test
    void duplicateAndReservedStageNames() {
        String text = "FROM a:1 AS x\nFROM b:1 AS X\nFROM c:1 AS scratch\nFROM d:1 AS context\n";
        assertEquals(List.of("DuplicateStageName@2"), buildkit("DuplicateStageName", text));
        assertEquals("Duplicate stage name \"x\", stage names should be unique", message("DuplicateStageName", text));
        assertEquals(List.of("ReservedStageName@3", "ReservedStageName@4"), buildkit("ReservedStageName", text));
        assertEquals("Stage name should not use the same name as reserved stage \"scratch\"",
                message("ReservedStageName", text));
    }

    @Test
    void jsonArgsRecommendedUnlessAShellWasChosen() {
        assertEquals(List.of("JSONArgsRecommended@2", "JSONArgsRecommended@3"),
                buildkit("JSONArgsRecommended", "FROM a:1\nCMD x\nENTRYPOINT y\n"));
        assertEquals(NONE, buildkit("JSONArgsRecommended", "FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]\nCMD x\n"));
        assertEquals("JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals",
                message("JSONArgsRecommended", "FROM a:1\nENTRYPOINT y\n"));
    }

    @Test
    void dispatchChecksOnlyOnStagesTheTargetBuilds() {
        String text = "FROM a:1 AS unused\nCMD x\nFROM b:1\nCMD y\n";
        assertEquals(List.of("JSONArgsRecommended@4"), buildkit("JSONArgsRecommended", text));
        // parse-time checks look at every stage
        assertEquals(List.of("FromAsCasing@1"), buildkit("FromAsCasing", "FROM a:1 as unused\nFROM b:1\n"));
    }

    @Test
    void maintainerDeprecated() {
        assertEquals("Maintainer instruction is deprecated in favor of using label",
                message("MaintainerDeprecated", "FROM a:1\nMAINTAINER me\n"));
    }

    @Test
    void undefinedArgInFrom() {
        String text = "ARG VERSION=1\nFROM a:${VERSON}\nFROM b:${VERSION}\nFROM --platform=$BUILDPLATFORM c:$TARGETARCH\n";
        assertEquals(List.of("UndefinedArgInFrom@2"), buildkit("UndefinedArgInFrom", text));
        assertEquals("FROM argument 'VERSON' is not declared (did you mean VERSION?)", message("UndefinedArgInFrom", text));
    }

    @Test
    void invalidDefaultArgInFrom() {
        assertEquals(List.of("InvalidDefaultArgInFrom@2"), buildkit("InvalidDefaultArgInFrom", "ARG TAG\nFROM busybox:${TAG}\n"));
        assertEquals("Default value for ARG busybox:${TAG} results in empty or invalid base image name",
                message("InvalidDefaultArgInFrom", "ARG TAG\nFROM busybox:${TAG}\n"));
        assertEquals(NONE, buildkit("InvalidDefaultArgInFrom", "ARG TAG=1\nFROM busybox:${TAG}\nARG X\n"));
        assertEquals(NONE, buildkit("InvalidDefaultArgInFrom", "ARG B=base\nFROM a:1 AS base\nFROM ${B}\n"));
    }

    @Test
    void workdirRelativePath() {
        assertEquals(List.of("WorkdirRelativePath@2"), buildkit("WorkdirRelativePath", "FROM a:1\nWORKDIR app\n"));
        assertEquals(NONE, buildkit("WorkdirRelativePath", "FROM a:1\nWORKDIR /srv\nWORKDIR app\n"));
        assertEquals(NONE, buildkit("WorkdirRelativePath", "FROM a:1 AS b\nWORKDIR /srv\nFROM b\nWORKDIR app\n"));
        assertEquals("Relative workdir \"app\" can have unexpected results if the base image changes",
                message("WorkdirRelativePath", "FROM a:1\nWORKDIR app\n"));
    }

    @Test
    void undefinedVarWhereStagecraftCanBeSure() {
        String text = "ARG VERSION=1\nFROM alpine:3\nENV V=$VERSION\nCOPY x /opt/$TARGETARCH/\nENV P=$PATH:/x\n"
                + "ENV Q=${UNKNOWN:-d}\nENV R=$FROM_IMAGE\n";
        assertEquals(List.of("UndefinedVar@3", "UndefinedVar@4"), buildkit("UndefinedVar", text));
        assertEquals("Usage of undefined variable '$VERSION'", message("UndefinedVar", text));
        assertEquals(NONE, buildkit("UndefinedVar", "ARG VERSION=1\nFROM alpine:3\nARG VERSION\nENV V=$VERSION\n"));
        String scratch = "FROM scratch\nENV APP_HOME=/app\nCOPY x $APP_HOEM/\n";
        assertEquals(List.of("UndefinedVar@3"), buildkit("UndefinedVar", scratch));
        assertEquals("Usage of undefined variable '$APP_HOEM' (did you mean $APP_HOME?)", message("UndefinedVar", scratch));
    }

    @Test
    void multipleInstructionsDisallowedReportsAllButTheLast() {
        String text = "FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]\nCMD [\"c\"]\nHEALTHCHECK NONE\n";
        assertEquals(List.of("MultipleInstructionsDisallowed@2", "MultipleInstructionsDisallowed@3"),
                buildkit("MultipleInstructionsDisallowed", text));
        assertEquals("Multiple CMD instructions should not be used in the same stage because only the last one will be used",
                message("MultipleInstructionsDisallowed", text));
    }

    @Test
    void legacyKeyValueFormat() {
        assertEquals(List.of("LegacyKeyValueFormat@2", "LegacyKeyValueFormat@3"),
                buildkit("LegacyKeyValueFormat", "FROM a:1\nENV A b\nLABEL x y\nENV C=d\n"));
        assertEquals("\"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
                message("LegacyKeyValueFormat", "FROM a:1\nENV A b\n"));
    }

    @Test
    void platformChecks() {
        String text = "FROM --platform=$TARGETPLATFORM a:1\nFROM --platform=linux/amd64 b:1 AS build\n"
                + "FROM --platform=linux/arm64 c:1 AS tool-arm64\nFROM --platform=amd64 d:1 AS vpn-amd64\n"
                + "FROM --platform=$BUILDPLATFORM e:1\n";
        assertEquals(List.of("RedundantTargetPlatform@1"), buildkit("RedundantTargetPlatform", text));
        assertEquals(List.of("FromPlatformFlagConstDisallowed@2"), buildkit("FromPlatformFlagConstDisallowed", text));
        assertEquals("FROM --platform flag should not use constant value \"linux/amd64\"",
                message("FromPlatformFlagConstDisallowed", text));
    }

    @Test
    void secretsUsedInArgOrEnv() {
        String text = "ARG GITHUB_TOKEN\nFROM a:1\nENV DB_PASSWORD=x PUBLIC_KEY=y\nARG AUTH\nENV TOKENIZER=1 KEYS=2\n";
        assertEquals(List.of("SecretsUsedInArgOrEnv@1", "SecretsUsedInArgOrEnv@3", "SecretsUsedInArgOrEnv@4"),
                buildkit("SecretsUsedInArgOrEnv", text));
        assertEquals("Do not use ARG or ENV instructions for sensitive data (ENV \"DB_PASSWORD\")",
                Lint.findings("SecretsUsedInArgOrEnv", text, Profile.BUILDKIT).get(1).message());
    }

    @Test
    void exposeChecks() {
        String text = "FROM a:1\nEXPOSE 80/TCP 443/tcp\nEXPOSE 127.0.0.1:80:80\n";
        assertEquals(List.of("ExposeProtoCasing@2"), buildkit("ExposeProtoCasing", text));
        assertEquals("Defined protocol '80/TCP' in EXPOSE instruction should be lowercase", message("ExposeProtoCasing", text));
        assertEquals(List.of("ExposeInvalidFormat@3"), buildkit("ExposeInvalidFormat", text));
        assertEquals("EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'",
                message("ExposeInvalidFormat", text));
    }

    @Test
    void copyIgnoredFileNeedsTheContext() {
        String text = "FROM a:1\nCOPY README.md ./docs /app/\nCOPY --from=b:1 README.md /x\nADD *.md /y/\n";
        assertEquals(NONE, buildkit("CopyIgnoredFile", text));
        LintOptions o = LintOptions.of(Profile.BUILDKIT).withIgnoredByContext(p -> p.endsWith(".md"));
        List<Finding> f = Lint.run(text, o).stream().filter(x -> x.rule().id().equals("CopyIgnoredFile")).toList();
        assertEquals(1, f.size());
        assertEquals("Attempting to Copy file \"README.md\" that is excluded by .dockerignore", f.get(0).message());
    }
}
