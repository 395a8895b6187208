package dev.stagecraft.lint;

import static dev.stagecraft.lint.Lint.stagecraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stagecraft's stage- and target-aware rules, on the multi-stage cases of the issue. */
class StagecraftRulesTest {
    private static final List<String> NONE = List.of();
    private static final String BUILDER_AND_FINAL = "FROM golang:1.22 AS build\n"
            + "RUN apt-get update && apt-get install -y gcc\n"
            + "USER root\n"
            + "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y curl\n"
            + "COPY --from=build /out/app /app\n"
            + "USER root\n";

    @Test
    void rootOnlyWhereItShips() {
        assertEquals(List.of("STG001@7"), stagecraft("STG001", BUILDER_AND_FINAL));
        assertEquals(NONE, stagecraft("DL3002", BUILDER_AND_FINAL)); // refined: off in this profile
        assertEquals(List.of("DL3002@3", "DL3002@7"), Lint.hadolint("DL3002", BUILDER_AND_FINAL));
        String inherited = "FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n";
        assertEquals(List.of("STG001@2"), stagecraft("STG001", inherited));
        assertEquals(NONE, stagecraft("STG001", "FROM debian:12 AS base\nUSER root\nFROM base\nUSER app\n"));
    }

    @Test
    void hygieneOnlyOnStagesWhoseLayersShip() {
        assertEquals(List.of("STG002@5"), stagecraft("STG002", BUILDER_AND_FINAL));
        assertEquals(List.of("STG003@5"), stagecraft("STG003", BUILDER_AND_FINAL));
        // a FROM ancestor of the target ships too
        String chain = "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
                + "FROM base\nRUN true\n";
        assertEquals(List.of("STG002@2"), stagecraft("STG002", chain));
        assertEquals(NONE, stagecraft("DL3009", chain));
        String apk = "FROM alpine:3 AS b\nRUN apk add x\nFROM alpine:3\nRUN apk add y && pip install z && yarn install\n"
                + "COPY --from=b /x /x\n";
        assertEquals(List.of("STG004@4"), stagecraft("STG004", apk));
        assertEquals(List.of("STG005@4"), stagecraft("STG005", apk));
        assertEquals(List.of("STG006@4"), stagecraft("STG006", apk));
    }

    @Test
    void untaggedBaseResolvesArgsAndStages() {
        String text = "ARG BASE=debian\nARG STAGE=build\nARG TAGGED=debian:12\nFROM golang:1.22 AS build\n"
                + "FROM ${STAGE}\nFROM ${TAGGED}\nFROM ${BASE}\n";
        assertEquals(List.of("STG007@7"), stagecraft("STG007", text));
        assertEquals(List.of("STG007@7"), Lint.run(text, LintOptions.DEFAULT.withAllStages(true)).stream()
                .filter(f -> f.rule().id().equals("STG007")).map(f -> "STG007@" + f.line()).toList());
        assertEquals(List.of("DL3006@5", "DL3006@6", "DL3006@7"), Lint.hadolint("DL3006", text));
        assertEquals("Always tag the version of an image explicitly (${BASE} is debian)",
                Lint.findings("STG007", text, Profile.STAGECRAFT).get(0).message());
    }

    @Test
    void copyFromNamesNoStage() {
        String text = "FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=biuld /a /a\nCOPY --from=build /b /b\n"
                + "COPY --from=nginx:1 /c /c\nCOPY --from=0 /d /d\n";
        assertEquals(List.of("STG008@3"), stagecraft("STG008", text));
        assertTrue(Lint.findings("STG008", text, Profile.STAGECRAFT).get(0).message().endsWith("(did you mean build?)"));
        assertEquals(NONE, stagecraft("DL3022", text));
    }

    @Test
    void buildToolsInTheShippedImage() {
        String text = "FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12\n"
                + "RUN apt-get install -y --no-install-recommends gcc=12 curl=7\nCOPY --from=build /a /a\n";
        assertEquals(List.of("STG010@4"), stagecraft("STG010", text));
        assertEquals(List.of("STG010@3"), stagecraft("STG010", "FROM alpine:3 AS x\nRUN true\nFROM golang:1.22\n"
                + "COPY --from=x /a /a\n"));
    }

    @Test
    void devDependenciesShip() {
        String text = "FROM node:20 AS build\nRUN npm ci\nFROM node:20\nRUN npm ci\nRUN npm ci --omit=dev\n"
                + "COPY --from=build /a /a\n";
        assertEquals(List.of("STG011@4"), stagecraft("STG011", text));
        assertEquals(NONE, stagecraft("STG011", "FROM node:20\nENV NODE_ENV=production\nRUN npm ci\n"));
    }

    @Test
    void sourcesShipOnlyInMultiStageBuilds() {
        String text = "FROM golang:1.22 AS build\nCOPY . /src\nFROM debian:12\nCOPY . /app\nCOPY --from=build /o /o\n";
        assertEquals(List.of("STG012@4"), stagecraft("STG012", text));
        assertEquals(NONE, stagecraft("STG012", "FROM python:3.12\nCOPY . /app\n"));
    }

    @Test
    void fullDistributionThatOnlyCopiesABinary() {
        String text = "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM debian:12\nCOPY --from=build /app /app\n"
                + "ENTRYPOINT [\"/app\"]\n";
        assertEquals(List.of("STG013@3"), stagecraft("STG013", text));
        assertEquals(NONE, stagecraft("STG013", text.replace("debian:12", "gcr.io/distroless/static-debian12")));
        assertEquals(NONE, stagecraft("STG013", text.replace("ENTRYPOINT", "RUN true\nENTRYPOINT")));
    }

    @Test
    void secretsOnlyWhereTheyShip() {
        String text = "FROM a:1 AS build\nARG GITHUB_TOKEN\nFROM b:1\nENV API_TOKEN=x\nCOPY --from=build /a /a\n";
        assertEquals(List.of("STG014@4"), stagecraft("STG014", text));
        assertEquals(NONE, stagecraft("SecretsUsedInArgOrEnv", text));
        assertEquals(List.of("SecretsUsedInArgOrEnv@2", "SecretsUsedInArgOrEnv@4"), Lint.buildkit("SecretsUsedInArgOrEnv", text));
    }

    @Test
    void cacheMountsInBuilderStages() {
        String text = "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\n"
                + "RUN --mount=type=cache,target=/root/.cache/pip pip install x\nFROM debian:12\n"
                + "RUN apt-get install -y curl\nCOPY --from=build /a /a\n";
        assertEquals(List.of("STG015@2"), stagecraft("STG015", text));
    }

    @Test
    void stagesTheTargetNeverBuildsAreInformationAndSkipped() {
        String text = "FROM a:1 AS old\nUSER root\nRUN sudo x\nFROM b:1 AS app\nRUN true\n";
        assertEquals(List.of("STG016@1"), stagecraft("STG016", text));
        assertEquals(NONE, stagecraft("DL3004", text));
        List<String> all = Lint.run(text, LintOptions.DEFAULT.withAllStages(true)).stream()
                .filter(f -> f.rule().id().equals("DL3004")).map(f -> f.rule().id() + "@" + f.line()).toList();
        assertEquals(List.of("DL3004@3"), all);
        // with --target old, the other stage is the unused one
        List<String> targeted = Lint.run(text, LintOptions.DEFAULT, "old").stream()
                .filter(f -> f.rule().id().equals("STG016") || f.rule().id().equals("DL3004"))
                .map(f -> f.rule().id() + "@" + f.line()).toList();
        assertEquals(List.of("DL3004@3", "STG016@4"), targeted);
    }

    @Test
    void stagecraftProfileKeepsOneOfTwoIdenticalFindings() {
        String text = "FROM a:1\nMAINTAINER me\nCMD x\n";
        List<String> ids = Lint.run(text, LintOptions.DEFAULT).stream().map(f -> f.rule().id()).toList();
        assertTrue(ids.contains("MaintainerDeprecated") && !ids.contains("DL4000"), ids.toString());
        assertTrue(ids.contains("JSONArgsRecommended") && !ids.contains("DL3025"), ids.toString());
    }

    @Test
    void everyFindingNamesItsStage() {
        for (Finding f : Lint.run(BUILDER_AND_FINAL, LintOptions.DEFAULT)) {
            int expected = f.line() >= 4 ? 1 : 0;
            assertEquals(expected, f.stage(), f.toString());
        }
    }
}
