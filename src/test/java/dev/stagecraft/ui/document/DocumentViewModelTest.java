package dev.stagecraft.ui.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.NodePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document state without a display: parse on change, last good graph, dirty, files. */
class DocumentViewModelTest {
    @TempDir
    Path dir;

    @Test
    void brokenTextKeepsTheLastGoodGraph() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM alpine AS a\nFROM a AS b\n");
        StageGraph good = vm.lastGoodGraphProperty().get();
        assertEquals(2, good.stages().size());
        vm.textChanged("FROM alpine AS a\nFROM a AS b\nRUN <<EOF\necho\n");
        assertTrue(vm.getGraph().hasErrors(), vm.getGraph().diagnostics().toString());
        assertSame(good, vm.lastGoodGraphProperty().get());
        assertFalse(vm.problems().isEmpty());
        vm.textChanged("FROM alpine AS a\nFROM a AS b\nFROM b AS c\n");
        assertEquals(3, vm.lastGoodGraphProperty().get().stages().size());
        assertTrue(vm.problems().isEmpty());
    }

    @Test
    void dirtyFollowsTheTextAndTheTitleShowsIt() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM a\n");
        assertFalse(vm.isDirty());
        assertEquals("Untitled \u2014 Stagecraft", vm.titleProperty().get());
        vm.textChanged("FROM b\n");
        assertTrue(vm.isDirty());
        assertEquals("\u2022 Untitled \u2014 Stagecraft", vm.titleProperty().get());
        vm.textChanged("FROM a\n");
        assertFalse(vm.isDirty(), "undoing back to the saved text is clean again");
    }

    @Test
    void saveKeepsCrlfAndBomAndWritesPositionsAndTarget() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, "\uFEFFFROM alpine AS build\r\nRUN make\r\nFROM scratch\r\n".getBytes(StandardCharsets.UTF_8));
        DocumentViewModel vm = new DocumentViewModel();
        vm.open(f);
        assertEquals("Dockerfile \u2014 Stagecraft", vm.titleProperty().get());
        vm.textChanged(vm.getText().replace("RUN make", "RUN make all"));
        vm.setTarget(vm.getGraph().stages().get(0));
        vm.save(Map.of("build", new NodePosition(10, 20)));
        assertEquals("\uFEFFFROM alpine AS build\r\nRUN make all\r\nFROM scratch\r\n",
                Files.readString(f, StandardCharsets.UTF_8));
        DocumentViewModel again = new DocumentViewModel();
        again.open(f);
        assertEquals(new NodePosition(10, 20), again.savedPositions().get("build"));
        assertEquals("build", again.targetProperty().get());
        assertEquals(0, again.getGraph().target());
    }

    @Test
    void targetOfADeletedStageFallsBackToTheLastStage() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM a AS one\nFROM b AS two\n");
        vm.setTarget(vm.getGraph().stages().get(0));
        assertEquals(0, vm.getGraph().target());
        vm.textChanged("FROM b AS two\nFROM c AS three\n");
        assertEquals(1, vm.getGraph().target());
        assertFalse(vm.getGraph().hasErrors());
    }
}
