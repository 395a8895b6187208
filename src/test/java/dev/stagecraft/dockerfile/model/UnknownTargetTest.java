package dev.stagecraft.dockerfile.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnknownTargetTest {
    private static final StageGraph THREE = StageGraph.parse(
            "FROM alpine AS base\nFROM base AS build\nRUN make\nFROM scratch AS final\nCOPY --from=build /a /a\n");

    @Test
    void aTypoNamesTheNearestStageAndAllStages() {
        assertEquals(Optional.of("no stage 'Bsae'; did you mean 'base'? stages: base, build, final"),
                UnknownTarget.check(THREE, "Bsae"));
    }

    @Test
    void aNameFarFromEveryStageGetsNoSuggestion() {
        assertEquals(Optional.of("no stage 'nosuch'; stages: base, build, final"),
                UnknownTarget.check(THREE, "nosuch"));
    }

    @Test
    void knownNamesIndexesAndNoTargetAreFine() {
        assertTrue(UnknownTarget.check(THREE, "BUILD").isEmpty());
        assertTrue(UnknownTarget.check(THREE, "2").isEmpty());
        assertTrue(UnknownTarget.check(THREE, null).isEmpty());
        assertTrue(UnknownTarget.check(THREE, "").isEmpty());
    }

    @Test
    void anIndexOutOfRangeSaysTheRange() {
        assertEquals(Optional.of("no stage '3'; stage indexes go from 0 to 2; stages: base, build, final"),
                UnknownTarget.check(THREE, "3"));
    }

    @Test
    void unnamedStagesAreListedByIndexAndLongListsAreCut() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append("FROM alpine\n");
        }
        String message = UnknownTarget.check(StageGraph.parse(text.toString()), "x").orElseThrow();
        assertEquals("no stage 'x'; stages: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, \u2026 (8 more)", message);
    }

    @Test
    void aFileWithoutStagesSaysSo() {
        assertEquals(Optional.of("no stage 'a': the Dockerfile has no stage (no FROM)"),
                UnknownTarget.check(StageGraph.parse("# nothing\n"), "a"));
    }

    @Test
    void distanceCountsTyposAsOneEdit() {
        assertEquals(1, UnknownTarget.distance("bsae", "base"));
        assertEquals(1, UnknownTarget.distance("buid", "build"));
        assertEquals(0, UnknownTarget.distance("final", "final"));
        assertEquals(5, UnknownTarget.distance("", "final"));
    }
}
