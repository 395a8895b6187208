package dev.stagecraft.dockerfile.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Edit scripts for graph gestures, on corpus files: only the intended spans change. */
class EditScriptsTest {

    private static StageGraph corpus(String prefix) {
        return StageGraph.parse(Corpus.read(Corpus.file(prefix)));
    }

    private static String names(StageGraph g) {
        return String.join(",", g.stages().stream().map(Stage::displayName).toList());
    }

    private static TreeSet<String> edges(StageGraph g) {
        TreeSet<String> out = new TreeSet<>();
        g.edges().forEach(e -> out.add(g.stages().get(e.from()).displayName() + "->"
                + g.stages().get(e.to()).displayName() + " " + e.kind().label()));
        return out;
    }

    private static void assertEachEditReplaces(StageGraph g, EditPlan plan, String oldText) {
        for (TextEdit e : plan.edits()) {
            assertEquals(oldText, g.tree().source().substring(e.start(), e.end()), "edit " + e);
        }
    }

    @Test
    void renameChangesTheNameAndEveryReferenceAndNothingElse() {
        StageGraph g = corpus("001-");
        int gobase = g.find("gobase").orElseThrow().index();
        EditPlan plan = RenameStage.plan(g, gobase, "go-base");
        assertNull(plan.refusal());
        // AS gobase, FROM gobase (x2): three spans, each exactly the old name
        assertEquals(3, plan.edits().size());
        assertEachEditReplaces(g, plan, "gobase");
        StageGraph after = StageGraph.parse(plan.applyTo(g.tree().source()));
        assertEquals(names(g).replace("gobase", "go-base"), names(after));
        TreeSet<String> expected = new TreeSet<>();
        edges(g).forEach(e -> expected.add(e.replace("gobase", "go-base")));
        assertEquals(expected, edges(after));
    }

    @Test
    void renameUpdatesCopyFromAndMountReferences() {
        StageGraph g = corpus("001-");
        int binaries = g.find("binaries").orElseThrow().index();
        EditPlan plan = RenameStage.plan(g, binaries, "bins");
        assertNull(plan.refusal());
        assertEachEditReplaces(g, plan, "binaries");
        String text = plan.applyTo(g.tree().source());
        assertTrue(text.contains("--mount=from=bins"));
        assertTrue(text.contains("COPY --from=bins / /usr/local/bin/"));
        assertTrue(text.endsWith("FROM bins\n") || text.contains("FROM bins"));
        assertEquals(edges(g).size(), edges(StageGraph.parse(text)).size());
    }

    @Test
    void renameIsRefusedForTakenOrInvalidNamesOrWhenItCapturesAnImage() {
        StageGraph g = corpus("001-");
        int gobase = g.find("gobase").orElseThrow().index();
        assertTrue(RenameStage.plan(g, gobase, "xx").refusal().contains("already a stage named 'xx'"));
        assertTrue(RenameStage.plan(g, gobase, "1abc").refusal().contains("not a valid stage name"));
        assertTrue(RenameStage.plan(g, gobase, "two words").refusal().contains("not a valid stage name"));
        // stage 'shell' and 'releaser' build FROM alpine: naming a stage 'alpine' would capture them
        assertTrue(RenameStage.plan(g, 0, "alpine").refusal().contains("alpine"));
    }

    @Test
    void renamingAnUnnamedStageAddsAsName() {
        StageGraph g = corpus("005-");
        EditPlan plan = RenameStage.plan(g, 0, "builder");
        assertNull(plan.refusal());
        String text = plan.applyTo(g.tree().source());
        assertTrue(text.contains("FROM golang:1.12.4 AS builder\n"));
        // index references keep pointing to the same stage
        assertTrue(text.contains("COPY --from=0 /go/src"));
    }

    @Test
    void deleteWithDependentsIsRefusedAndListsThem() {
        StageGraph g = corpus("066-");
        int appBase = g.find("app-base").orElseThrow().index();
        EditPlan plan = DeleteStage.plan(g, appBase, false);
        assertTrue(plan.refused());
        assertTrue(plan.refusal().contains("test (line 15)"), plan.refusal());
        assertTrue(plan.refusal().contains("app-zip-creator (line 20)"), plan.refusal());
        assertEquals(2, DeleteStage.dependents(g, appBase).size());
    }

    @Test
    void deleteRenumbersIndexReferences() {
        StageGraph g = corpus("005-");
        // delete stage 0 after also removing the COPY --from=0 line: --from=1 becomes --from=0
        EditPlan plan = DeleteStage.plan(g, 0, true);
        assertNull(plan.refusal());
        StageGraph after = StageGraph.parse(plan.applyTo(g.tree().source()));
        assertEquals(2, after.stages().size());
        assertEquals("node:10.14.2", after.stages().get(0).base());
        String text = after.tree().source();
        assertFalse(text.contains("--from=1"));
        assertTrue(text.contains("COPY --from=0 /usr/src/app/public ./public"));
        assertFalse(text.contains("grafana-server /go/src"));
        assertEquals(new TreeSet<>(List.of("#0->#1 copy")), edges(after));
    }

    @Test
    void deleteRebasesStagesBuiltOnIt() {
        StageGraph g = corpus("066-");
        int appBase = g.find("app-base").orElseThrow().index();
        EditPlan plan = DeleteStage.plan(g, appBase, true);
        assertNull(plan.refusal());
        StageGraph after = StageGraph.parse(plan.applyTo(g.tree().source()));
        assertEquals(g.stages().size() - 1, after.stages().size());
        assertEquals("node:12-alpine", after.find("test").orElseThrow().base());
        assertEquals("node:12-alpine", after.find("app-zip-creator").orElseThrow().base());
    }

    @Test
    void connectInsertsCopyBeforeTheTrailingRuntimeBlock() {
        String text = "FROM alpine AS build\nRUN make\n\nFROM scratch\nCOPY a /a\nUSER 1000\nCMD [\"/app\"]\n";
        StageGraph g = StageGraph.parse(text);
        EditPlan plan = ConnectStages.plan(g, 0, 1, "/out/app", "/app", null);
        assertNull(plan.refusal());
        assertEquals(1, plan.edits().size());
        assertEquals("FROM alpine AS build\nRUN make\n\nFROM scratch\nCOPY a /a\nCOPY --from=build /out/app /app\n"
                + "USER 1000\nCMD [\"/app\"]\n", plan.applyTo(text));
    }

    @Test
    void connectNamesAnUnnamedSourceInTheSameChangeOrUsesItsIndex() {
        String text = "FROM golang\r\nRUN go build\r\nFROM scratch";
        StageGraph g = StageGraph.parse(text);
        assertEquals("FROM golang AS build\r\nRUN go build\r\nFROM scratch\r\nCOPY --from=build /go/bin/app /app",
                ConnectStages.plan(g, 0, 1, "/go/bin/app", "/app", "build").applyTo(text));
        assertEquals("FROM golang\r\nRUN go build\r\nFROM scratch\r\nCOPY --from=0 [\"/a b\", \"/c\"]",
                ConnectStages.plan(g, 0, 1, "/a b", "/c", null).applyTo(text));
    }

    @Test
    void connectThatWouldMakeACycleIsRefused() {
        String text = "FROM alpine AS a\nFROM a AS b\n";
        StageGraph g = StageGraph.parse(text);
        EditPlan plan = ConnectStages.plan(g, 1, 0, "/x", "/y", null);
        assertTrue(plan.refused());
        assertTrue(plan.refusal().contains("cycle"), plan.refusal());
    }

    @Test
    void moveSwapsBlocksAndRenumbersIndexReferences() {
        StageGraph g = corpus("005-");
        EditPlan plan = MoveStage.plan(g, 0, 1);
        assertNull(plan.refusal());
        StageGraph after = StageGraph.parse(plan.applyTo(g.tree().source()));
        assertEquals("node:10.14.2", after.stages().get(0).base());
        assertEquals("golang:1.12.4", after.stages().get(1).base());
        String t = after.tree().source();
        assertTrue(t.contains("COPY --from=1 /go/src/github.com/grafana"));
        assertTrue(t.contains("COPY --from=0 /usr/src/app/public"));
        assertEquals(g.tree().source().length(), t.length());
    }

    @Test
    void moveIsRefusedWhenAStageWouldComeBeforeItsBase() {
        StageGraph g = corpus("066-");
        int test = g.find("test").orElseThrow().index();
        EditPlan plan = MoveStage.plan(g, test, -1);
        assertTrue(plan.refused());
        assertTrue(plan.refusal().contains("must come after"), plan.refusal());
    }

    @Test
    void moveLastStageUpKeepsAMissingFinalNewlineMissing() {
        String text = "FROM a AS x\nRUN 1\nFROM b AS y\nRUN 2";
        EditPlan plan = MoveStage.plan(StageGraph.parse(text), 1, -1);
        assertEquals("FROM b AS y\nRUN 2\nFROM a AS x\nRUN 1", plan.applyTo(text));
    }

    @Test
    void duplicateCopiesTheBlockUnderANewName() {
        String text = "FROM alpine AS base\nRUN apk add gcc\n\nFROM scratch\nCOPY --from=0 /a /a\n";
        EditPlan plan = DuplicateStage.plan(StageGraph.parse(text), 0, "base2");
        assertNull(plan.refusal());
        assertEquals("FROM alpine AS base\nRUN apk add gcc\n\nFROM alpine AS base2\nRUN apk add gcc\n\n"
                + "FROM scratch\nCOPY --from=0 /a /a\n", plan.applyTo(text));
    }

    @Test
    void changeBaseToAnEarlierStageOrImage() {
        String text = "FROM alpine AS a\nFROM debian AS b\n";
        StageGraph g = StageGraph.parse(text);
        assertEquals("FROM alpine AS a\nFROM a AS b\n", ChangeBase.plan(g, 1, "a").applyTo(text));
        assertEquals("FROM busybox AS a\nFROM debian AS b\n", ChangeBase.plan(g, 0, "busybox").applyTo(text));
        assertTrue(ChangeBase.plan(g, 0, "b").refusal().contains("earlier stage"));
    }

    @Test
    void addStageAfterAStageShiftsLaterIndexReferences() {
        String text = "FROM golang\nRUN make\n\nFROM alpine\nRUN x\n\nFROM scratch\nCOPY --from=1 /x /x\n";
        EditPlan plan = AddStage.plan(StageGraph.parse(text), "tools", "golang", 0);
        assertNull(plan.refusal());
        assertEquals("FROM golang\nRUN make\n\nFROM golang AS tools\n\nFROM alpine\nRUN x\n\nFROM scratch\n"
                + "COPY --from=2 /x /x\n", plan.applyTo(text));
        assertEquals("FROM golang\nRUN make\n\nFROM alpine\nRUN x\n\nFROM scratch\nCOPY --from=1 /x /x\n\n"
                + "FROM scratch AS out\n", AddStage.plan(StageGraph.parse(text), "out", "scratch", null).applyTo(text));
        assertTrue(AddStage.plan(StageGraph.parse(text), "Bad Name", "x", null).refused());
    }
}
