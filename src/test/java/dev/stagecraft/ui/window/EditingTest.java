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
        // typing merges into one undo step unless half a second passes between keys (a loaded machine)
        for (int i = 0; i < 5 && !text().equals(Template.GO.text()); i++) {
            shortcut(KeyCode.Z);
        }
        assertEquals(Template.GO.text(), text());
        assertEquals(2, window.graph().nodeCount());
    }

    /** Over 512 K characters a keystroke is parsed when typing pauses; a gesture meanwhile edits the text as it is now. */
    @Test
    void aLargeTextIsParsedWhenTypingPausesAndAGestureSeesWhatWasTyped() {
        String filler = "RUN echo " + "x".repeat(1000) + "\n";
        String large = "FROM alpine AS base\n" + filler.repeat(dev.stagecraft.ui.document.DocumentViewModel.DEFERRED_PARSE_CHARS / filler.length() + 1)
                + "FROM base AS app\n";
        setText(large);
        waitUntil(() -> window.graph().nodeCount() == 2);
        clickOn(area());
        shortcut(KeyCode.END);
        write("FROM app AS extra\n");
        waitUntil(() -> window.graph().nodeCount() == 3, 10); // after the pause
        assertEquals("extra", window.document().getGraph().stages().get(2).name());
        write("FROM extra AS late\n");
        // no pause: the rename gesture asks for the current graph, which reads what was just typed first
        startGesture(() -> window.gestures().rename(3));
        clickOn("#stage-name-field");
        shortcut(KeyCode.A);
        write("final");
        type(KeyCode.ENTER);
        waitUntil(() -> text().endsWith("FROM extra AS final\n"));
        assertEquals(large + "FROM app AS extra\nFROM extra AS final\n", text());
        waitUntil(() -> window.graph().nodeCount() == 4, 10);
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
        interact(() -> window.lint().problems().filterRule("parser")); // lint rows come first; the list shows the parser's
        javafx.scene.control.TableRow<?> row = lookup("#problems .table-row-cell") // the parser's row, not a finding's
                .match((javafx.scene.control.TableRow<?> r) -> !r.isEmpty()
                        && ((dev.stagecraft.ui.problems.Problem) r.getItem()).kind() == dev.stagecraft.ui.problems.Problem.Kind.PARSER)
                .query();
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

    @Test
    void hoveringAnUnderlinedProblemShowsItsMessage() {
        // a parser error (a duplicate stage name, the first example here, is a lint finding now)
        setText("FROM alpine AS a\nFROM a AS 9a\n");
        assertTrue(window.document().problems().stream().anyMatch(d -> d.message().contains("invalid stage name")),
                window.document().problems().toString());
        int offset = text().lastIndexOf("9a\n");
        javafx.geometry.Bounds[] b = new javafx.geometry.Bounds[1];
        interact(() -> b[0] = area().getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow());
        moveTo(new javafx.geometry.Point2D(b[0].getCenterX(), b[0].getCenterY()));
        waitUntil(() -> WaitForAsyncUtils.waitForAsyncFx(1000, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()
                        && t.getText().contains("invalid stage name"))));
    }
}
