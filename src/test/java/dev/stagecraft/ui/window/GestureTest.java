package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.Template;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Graph gestures become one text edit each, through their dialogs, undone by one Ctrl+Z. */
class GestureTest extends WindowTestBase {

    @Test
    void renameRewritesTheTextAndOneUndoRestoresIt() {
        startGesture(() -> window.gestures().rename(0));
        clickOn("#stage-name-field");
        shortcut(KeyCode.A);
        write("compile");
        type(KeyCode.ENTER);
        waitUntil(() -> text().contains("AS compile"));
        assertEquals("compile", window.document().getGraph().stages().get(0).name());
        // Ctrl+Z from the graph pane: the menu accelerator undoes in the editor
        clickOn(window.graph().node());
        shortcut(KeyCode.Z);
        assertEquals(Template.GO.text(), text());
        shortcut(KeyCode.Y);
        assertTrue(text().contains("AS compile"));
    }

    @Test
    void twoGesturesAreTwoUndoSteps() {
        startGesture(() -> window.gestures().move(1, -1));
        String moved = text();
        assertTrue(moved.indexOf("FROM debian:bookworm-slim") < moved.indexOf("FROM debian:bookworm AS builder"),
                moved);
        startGesture(() -> window.gestures().move(0, 1));
        clickOn(area());
        shortcut(KeyCode.Z);
        assertEquals(moved, text());
        shortcut(KeyCode.Z);
        assertEquals(Template.GO.text(), text());
    }

    @Test
    void connectInsertsACopyFromTheSourceStage() {
        setText("FROM golang AS build\nRUN go build -o /out/app\n\nFROM alpine AS run\nCMD [\"app\"]\n");
        startGesture(() -> window.gestures().connect(0, 1));
        clickOn("#source-path-field").write("/out/app");
        clickOn("#destination-field").write("/usr/local/bin/app");
        type(KeyCode.ENTER);
        waitUntil(() -> text().contains("COPY --from=build /out/app /usr/local/bin/app"));
        assertEquals(1, window.document().getGraph().edgesInto(1).stream()
                .filter(e -> e.from() == 0).count());
    }

    @Test
    void deleteWithDependentsAsksAndCancelLeavesTheText() {
        startGesture(() -> window.gestures().delete(0));
        waitUntil(() -> lookup(StageDialogs.DELETE_WITH_REFERENCES.getText()).tryQuery().isPresent());
        clickOn("Cancel");
        assertEquals(Template.GO.text(), text());

        startGesture(() -> window.gestures().delete(0));
        clickOn(StageDialogs.DELETE_WITH_REFERENCES.getText());
        waitUntil(() -> window.document().getGraph().stages().size() == 1);
        assertTrue(!text().contains("--from=0"), text());
        assertEquals(1, window.graph().nodeCount());
    }

    @Test
    void addStageAppendsItAndSetTargetFollows() {
        startGesture(() -> window.gestures().addStage(null));
        clickOn("#stage-name-field").write("debug");
        clickOn("#stage-base-field").write("builder");
        type(KeyCode.ENTER);
        waitUntil(() -> window.document().getGraph().stages().size() == 3);
        assertEquals("debug", window.document().getGraph().stages().get(2).name());
        assertEquals(Integer.valueOf(0), window.document().getGraph().stages().get(2).baseStage());
        interact(() -> window.gestures().setTarget(0));
        assertEquals(0, window.document().getGraph().target());
        assertEquals("builder", window.document().targetProperty().get());
    }

    @Test
    void aRefusedPlanShowsWhyAndLeavesTheText() {
        startGesture(() -> window.gestures().rename(1));
        clickOn("#stage-name-field").write("builder");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("The text was not changed").tryQuery().isPresent());
        clickOn("OK");
        assertEquals(Template.GO.text(), text());
    }

    @Test
    void aNewEmptyDocumentInvitesAStageAndAddStageMakesTheFirst() {
        shortcut(KeyCode.N);
        waitUntil(() -> text().isEmpty());
        assertTrue(lookup(".graph-banner").queryLabeled().getText().startsWith("No stages yet"),
                "an invitation, not an error banner");
        startGesture(() -> window.gestures().addStage(null));
        clickOn("#stage-name-field").write("build");
        clickOn("#stage-base-field").write("alpine");
        type(KeyCode.ENTER);
        waitUntil(() -> window.document().getGraph().stages().size() == 1);
        assertEquals("build", window.document().getGraph().stages().get(0).name());
        assertTrue(!window.document().getGraph().hasErrors(), window.document().getGraph().diagnostics().toString());
    }
}
