package dev.stagecraft.ui.graph.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which old stage each re-parsed stage is, for the edits users make. */
class StageMatchTest {
    private static StageMatch.Entry named(String name, String base) {
        return new StageMatch.Entry(name, base);
    }

    private static StageMatch.Entry unnamed(String base) {
        return new StageMatch.Entry(null, base);
    }

    private static final List<StageMatch.Entry> OLD = List.of(named("builder", "golang"), named("tools", "alpine"),
            unnamed("scratch"));

    @Test
    void unchangedStagesMatchThemselves() {
        assertArrayEquals(new int[] {0, 1, 2}, StageMatch.match(OLD, OLD));
    }

    @Test
    void aRenamedStageIsTheSameStage() {
        var now = List.of(named("build", "golang"), named("tools", "alpine"), unnamed("scratch"));
        assertArrayEquals(new int[] {0, 1, 2}, StageMatch.match(OLD, now));
    }

    @Test
    void aStageInsertedBeforeAnUnnamedOneIsNew() {
        var now = List.of(named("builder", "golang"), named("tools", "alpine"), named("extra", "debian"),
                unnamed("scratch"));
        assertArrayEquals(new int[] {0, 1, -1, 2}, StageMatch.match(OLD, now));
    }

    @Test
    void deletingAStageShiftsTheUnnamedOnesWithoutMixingThemUp() {
        var old = List.of(named("a", "alpine"), unnamed("golang"), unnamed("scratch"));
        var now = List.of(unnamed("golang"), unnamed("scratch"));
        assertArrayEquals(new int[] {1, 2}, StageMatch.match(old, now));
    }

    @Test
    void movedStagesFollowTheirNames() {
        var now = List.of(named("tools", "alpine"), named("builder", "golang"), unnamed("scratch"));
        assertArrayEquals(new int[] {1, 0, 2}, StageMatch.match(OLD, now));
    }

    @Test
    void aStageNamedWhileTypingKeepsItsNode() {
        var now = List.of(named("builder", "golang"), named("tools", "alpine"), named("f", "scratch"));
        assertArrayEquals(new int[] {0, 1, 2}, StageMatch.match(OLD, now));
    }

    @Test
    void aDeletedNamedStageMatchesNothing() {
        var now = List.of(named("builder", "golang"), unnamed("scratch"));
        assertArrayEquals(new int[] {0, 2}, StageMatch.match(OLD, now));
    }
}
