package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.Template;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Typing in the editor: live graph, title, problems, completion, find/replace. */
class EditingTest extends WindowTestBase {

    @Test
    void startsOnTheGoExampleWithTwoNodes() {
        assertEquals(Template.GO.text(), text());
        assertEquals(2, window.graph().nodeCount());
        assertEquals("Untitled \u2014 Stagecraft", window.stage().getTitle());
    }

    @Test
    void typingAFromLineAddsANodeAndMarksTheTitle() {
        clickOn(area());
        shortcut(KeyCode.END);
        write("FROM alpine AS extra\n");
        assertEquals(3, window.graph().nodeCount());
        assertEquals("extra", window.document().getGraph().stages().get(2).name());
        assertTrue(window.stage().getTitle().startsWith("\u2022 "), window.stage().getTitle());
        shortcut(KeyCode.Z);
        assertEquals(Template.GO.text(), text());
        assertEquals(2, window.graph().nodeCount());
    }

    @Test
    void brokenTextKeepsTheGraphAndListsTheProblem() {
        clickOn(area());
        shortcut(KeyCode.END);
        write("RUN <<EOF\necho hi\n");
        assertEquals(2, window.graph().nodeCount(), "the last good graph stays");
        assertTrue(window.document().problems().stream().anyMatch(d -> d.message().contains("heredoc")),
                window.document().problems().toString());
        int problemLine = window.document().problems().get(0).line();
        interact(() -> area().moveTo(0));
        javafx.scene.control.TableRow<?> row = lookup("#problems .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> !r.isEmpty()).query();
        doubleClickOn(row);
        assertEquals(problemLine - 1, area().getCurrentParagraph());
    }

    @Test
    void completionOffersEarlierStagesAfterFrom() {
        setText("FROM golang AS build\nFROM alpine\nCOPY --from=b");
        clickOn(area());
        shortcut(KeyCode.END);
        shortcut(KeyCode.SPACE);
        waitUntil(() -> window.editor().completion().isShowing());
        assertEquals(java.util.List.of("build"),
                window.editor().completion().menu().getItems().stream().map(MenuItem::getText).toList());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FROM golang AS build\nFROM alpine\nCOPY --from=build", text());
    }

    @Test
    void replaceAllIsOneUndoStep() {
        clickOn(area());
        shortcut(KeyCode.H);
        write("bookworm");
        clickOn("#replace-field").write("trixie");
        clickOn("Replace All");
        assertFalse(text().contains("bookworm"));
        assertTrue(text().contains("debian:trixie-slim"));
        clickOn(area());
        shortcut(KeyCode.Z);
        assertEquals(Template.GO.text(), text());
    }

    @Test
    void caretInAStageSelectsItsNode() {
        clickOn(area());
        interact(() -> area().moveTo(text().indexOf("USER app")));
        assertEquals(Integer.valueOf(1), window.graph().selectedStageProperty().get());
        interact(() -> area().moveTo(text().indexOf("WORKDIR /src")));
        assertEquals(Integer.valueOf(0), window.graph().selectedStageProperty().get());
    }
}
