package dev.stagecraft.ui.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.DockerfileText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void typingInALargeTextIsParsedWhenThePauseComesOrWhenTheGraphIsAskedFor() {
        DocumentViewModel vm = new DocumentViewModel();
        Runnable[] pending = new Runnable[1];
        vm.deferParsesOfLargeTexts(parse -> pending[0] = parse);
        vm.textChanged("FROM alpine AS a\nFROM a AS b\n");
        assertEquals(2, vm.getGraph().stages().size(), "a small text is parsed at every change");
        assertTrue(pending[0] == null);
        String large = "FROM alpine AS a\n" + "RUN true\n".repeat(DocumentViewModel.DEFERRED_PARSE_CHARS / 9 + 1);
        vm.textChanged(large);
        assertTrue(pending[0] != null, "a large text waits for the pause");
        assertTrue(vm.parsePending());
        assertEquals(2, vm.getGraph().stages().size(), "the graph so far is the text before's");
        assertTrue(vm.isDirty());
        pending[0].run();
        assertFalse(vm.parsePending());
        assertEquals(1, vm.getGraph().stages().size());
        assertEquals(large, vm.getGraph().tree().source());
        // typed again, then a gesture asks for the graph before the pause: it gets the current text's
        String more = large + "FROM a AS c\n";
        vm.textChanged(more);
        assertEquals(1, vm.getGraph().stages().size());
        assertFalse(vm.isCurrent(vm.lintProperty().get()), "the findings are of the text before");
        assertEquals(2, vm.currentGraph().stages().size());
        assertEquals(more, vm.getGraph().tree().source());
        assertFalse(vm.parsePending());
        assertTrue(vm.isCurrent(vm.lintProperty().get()));
    }

    @Test
    void aLargeTextsEditsAreReadOnlyWhenThePauseComesOrTheTextIsAskedFor() {
        DocumentViewModel vm = new DocumentViewModel();
        Runnable[] pause = new Runnable[1];
        vm.deferParsesOfLargeTexts(parse -> pause[0] = parse);
        String large = "FROM alpine AS a\n" + "RUN true\n".repeat(DocumentViewModel.DEFERRED_PARSE_CHARS / 9 + 1);
        vm.load(java.nio.file.Path.of("/tmp/large.Dockerfile"), dev.stagecraft.project.DockerfileText.fresh(large), null);
        assertFalse(vm.isDirty());
        assertTrue(vm.defersEditsOf(large.length() + 1));
        assertFalse(vm.defersEditsOf(100));
        List<String> seen = new ArrayList<>();
        vm.textProperty().addListener((o, was, now) -> seen.add(now));
        String[] editor = {large + "FROM a AS b\n"};
        int[] reads = {0};
        java.util.function.Supplier<String> area = () -> {
            reads[0]++;
            return editor[0];
        };
        vm.textEdited(area);
        editor[0] = large + "FROM a AS c\n"; // typed on: the editor holds this when the text is read
        vm.textEdited(area);
        assertEquals(0, reads[0], "nothing is read while typing");
        assertTrue(vm.isDirty(), "unsaved meanwhile");
        assertTrue(vm.editsPending());
        assertTrue(vm.parsePending());
        assertEquals(large, vm.textProperty().get(), "the property holds the text as last read");
        assertEquals(List.of(), seen);
        pause[0].run();
        assertEquals(1, reads[0]);
        assertEquals(List.of(editor[0]), seen, "the text's listeners see it once, when it is read");
        assertEquals("c", vm.getGraph().stages().get(1).name());
        assertFalse(vm.editsPending());
        // typed back to the file's text: unsaved until read, then clean
        editor[0] = large;
        vm.textEdited(area);
        assertTrue(vm.isDirty());
        assertEquals(large, vm.getText(), "asking for the text reads it");
        assertFalse(vm.isDirty());
        assertEquals(2, reads[0]);
        // a full text from the editor supersedes edits not read
        vm.textEdited(area);
        vm.textChanged("FROM small\n");
        assertFalse(vm.editsPending());
        assertEquals("FROM small\n", vm.getText());
        assertEquals(2, reads[0]);
    }

    @Test
    void typingWithoutAPauseHasALargeTextReadAtLeastEveryTwoSeconds() {
        DocumentViewModel vm = new DocumentViewModel();
        long[] now = {0};
        vm.clock = () -> now[0];
        Runnable[] pause = new Runnable[1];
        vm.deferParsesOfLargeTexts(parse -> pause[0] = parse); // the pause never comes
        String large = "FROM alpine AS a\n" + "RUN true\n".repeat(DocumentViewModel.DEFERRED_PARSE_CHARS / 9 + 1);
        vm.newDocument(large);
        List<String> seen = new ArrayList<>();
        vm.textProperty().addListener((o, was, t) -> seen.add(t));
        StringBuilder editor = new StringBuilder(large);
        for (int key = 0; key < 150; key++) { // a key held down: 30 a second for 5 s
            editor.append('x');
            vm.textEdited(editor::toString);
            now[0] += 1_000_000_000L / 30;
        }
        assertEquals(2, seen.size(), "read twice in 5 s of typing: " + seen.size());
        assertTrue(vm.parsePending(), "the parse waits for the pause");
        assertEquals(editor.toString(), vm.getText());
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
    void loadingAFileReplacesTextFileTargetAndGraphAtOnce() throws IOException {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM alpine AS a\nFROM a AS b\nFROM b AS c\n");
        vm.setTarget(vm.getGraph().stages().get(2));
        vm.textChanged(vm.getText() + "# edited\n");
        Path f = dir.resolve("Dockerfile");
        Files.write(f, "\uFEFFFROM alpine AS build\r\nRUN make\r\nFROM scratch\r\n".getBytes(StandardCharsets.UTF_8));
        vm.load(f, DockerfileText.read(f), "build");
        assertEquals("Dockerfile \u2014 Stagecraft", vm.titleProperty().get());
        assertFalse(vm.isDirty());
        assertEquals("FROM alpine AS build\nRUN make\nFROM scratch\n", vm.getText());
        assertEquals(0, vm.getGraph().target(), "the file's remembered target, not the last document's");
        assertEquals(2, vm.lastGoodGraphProperty().get().stages().size());
    }

    @Test
    void savedRecordsTheWriteAndStaysDirtyWhenEditedMeanwhile() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine\r\nRUN make\r\n");
        DocumentViewModel vm = new DocumentViewModel();
        vm.load(f, DockerfileText.read(f), null);
        String edited = vm.getText().replace("RUN make", "RUN make all");
        vm.textChanged(edited);
        DockerfileText written = vm.disk().write(f, edited);
        vm.textChanged(edited + "# typed while saving\n");
        vm.saved(f, written, edited);
        assertTrue(vm.isDirty(), "the text typed during the save is not on disk");
        assertEquals("FROM alpine\r\nRUN make all\r\n", Files.readString(f));
        vm.textChanged(edited);
        assertFalse(vm.isDirty());
        Path other = dir.resolve("other.Dockerfile");
        vm.saved(other, vm.disk().overwrite(other, edited), edited);
        assertEquals("other.Dockerfile \u2014 Stagecraft", vm.titleProperty().get());
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

    @Test
    void listenersOfTheTextSeeWhetherItIsUnsaved() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM a\n");
        java.util.List<Boolean> seen = new java.util.ArrayList<>();
        vm.textProperty().addListener((o, was, now) -> seen.add(vm.isDirty()));
        vm.textChanged("FROM b\n");
        vm.textChanged("FROM a\n");
        assertEquals(java.util.List.of(true, false), seen, "the recovery copy follows the first keystroke");
    }
}
