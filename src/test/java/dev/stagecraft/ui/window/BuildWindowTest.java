package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.testing.DockerEngine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Builds from the real window against the real engine: Build tab, graph states, Sizes tab and badges. */
@Tag("docker")
class BuildWindowTest extends WindowTestBase {
    private static final String TWO_STAGES = """
            FROM stagecraft-test/busybox AS builder
            RUN head -c 3000000 /dev/zero > /blob
            FROM stagecraft-test/busybox
            COPY --from=builder /blob /blob
            """;

    @Test
    void pressingBuildShowsTheSizesAndBadges() throws Exception {
        DockerEngine.require().close();
        setText(TWO_STAGES);
        MeasuredBuild outcome = buildFromTheTab();
        assertTrue(outcome.success(), outcome.message());
        assertTrue(!lookup("#build-button").query().isDisabled(), "Build is available again");

        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().sizesTab()));
        Label headline = lookup("#sizes-headline").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("final image ") && headline.getText().contains(" vs builder "),
                headline.getText());
        assertEquals(1, lookup(".chart-bar.final-bar").queryAll().size(), "the final image's bar is highlighted");
        String finalBadge = window.builds().badges().get(1);
        assertTrue(finalBadge.endsWith("MB"), finalBadge);
        assertTrue(lookup(".stage-badge").queryAllAs(Label.class).stream().anyMatch(l -> finalBadge.equals(l.getText())),
                "the final stage's node shows its size");
        assertTrue(lookup(".stage-node.state-done").queryAll().size() + lookup(".stage-node.state-cached").queryAll().size() == 2,
                "both nodes show the build's state");
        assertEquals("succeeded", window.builds().buildModel().history().get(0).result());
        assertTrue(lookup("#build-log").queryAs(ListView.class).getItems().size() > 0);
    }

    @Test
    void theClassicBuilderPlacesEveryStepInItsStage() throws Exception {
        DockerEngine.require().close();
        setText(TWO_STAGES);
        interact(() -> window.builds().buildModel().options().builderProperty().set(dev.stagecraft.engine.session.BuilderKind.CLASSIC));
        MeasuredBuild outcome = buildFromTheTab();
        assertTrue(outcome.success(), outcome.message());
        var steps = window.builds().buildModel().steps();
        assertEquals(java.util.List.of(0, 0, 1, 1), steps.stream().map(dev.stagecraft.ui.build.StepStatus::stage).toList(),
                "every instruction is a classic step, placed in its stage");
        assertTrue(steps.stream().allMatch(s -> s.state() == dev.stagecraft.ui.build.StepState.DONE
                || s.state() == dev.stagecraft.ui.build.StepState.CACHED), "every step finished");
    }

    @Test
    void aFailingStepPutsTheCaretOnItsLine() throws Exception {
        DockerEngine.require().close();
        setText("""
                FROM stagecraft-test/busybox AS builder
                RUN echo about to fail && exit 3
                FROM stagecraft-test/busybox
                COPY --from=builder /etc/hostname /h
                """);
        interact(() -> area().moveTo(0));
        waitFor(15, () -> window.builds().engineMonitor().engineProperty().get() != null);
        shortcut(KeyCode.B);
        assertTrue(window.builds().buildTab().isSelected(), "Ctrl+B shows the Build tab");
        MeasuredBuild outcome = awaitOutcome();
        assertEquals(2, outcome.failedLine(), outcome.message());
        assertEquals(1, area().getCurrentParagraph(), "the caret is on the failed line");
        assertEquals(1, lookup(".stage-node.state-failed").queryAll().size());
        Label message = lookup("#build-message").queryAs(Label.class);
        assertTrue(message.getText().contains("Dockerfile:2"), message.getText());
    }

    @Test
    void cancelReturnsToIdle() throws Exception {
        DockerEngine.require().close();
        setText("""
                FROM stagecraft-test/busybox
                RUN echo waiting && sleep 60
                """);
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        waitFor(15, () -> !lookup("#build-button").query().isDisabled());
        clickOn("#build-button");
        waitFor(30, () -> window.builds().buildModel().steps().stream()
                .anyMatch(s -> s.instruction().startsWith("RUN") && s.state() == dev.stagecraft.ui.build.StepState.RUNNING));;
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, lookup(".stage-node.state-running").queryAll().size(), "the node shows it is running");
        clickOn("#cancel-build-button");
        waitFor(10, () -> window.builds().buildModel().outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", window.builds().buildModel().history().get(0).result());
        assertEquals(0, lookup(".stage-node.state-running").queryAll().size());
        assertTrue(!lookup("#build-button").query().isDisabled(), "Build is available again");
    }

    @Test
    void aChosenContextTagsAndLabelsReachTheEngine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path context)
            throws Exception {
        DockerEngine.require().close();
        java.nio.file.Files.writeString(context.resolve("payload.txt"), "from the chosen context\n");
        java.nio.file.Files.writeString(context.resolve("skipped.txt"), "ignored\n");
        java.nio.file.Files.writeString(context.resolve(".dockerignore"), "skipped.txt\n");
        setText("FROM stagecraft-test/busybox\nCOPY payload.txt /payload.txt\nRUN grep -q chosen /payload.txt\n");
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        // the folder a user picks with Choose…; the native chooser itself cannot be driven headless
        interact(() -> window.builds().buildModel().options().contextDirProperty().set(context));
        assertEquals(context.toString(), lookup("#build-context").queryAs(Label.class).getText());
        String tag = "stagecraft-test/window-build:" + System.nanoTime();
        clickOn("#build-options-toggle"); // the options start folded
        clickOn("#build-tags").write(tag);
        clickOn("#build-labels").write("org.stagecraft.test=yes");
        MeasuredBuild outcome = buildFromTheTab();
        assertTrue(outcome.success(), outcome.message());
        assertEquals("yes", DockerEngine.cli("image", "inspect", "--format",
                "{{index .Config.Labels \"org.stagecraft.test\"}}", tag));
        String sent = lookup("#build-context-summary").queryAs(Label.class).getText();
        assertTrue(sent.startsWith("3 files, "), "payload.txt, .dockerignore and the editor's Dockerfile: " + sent);
        assertTrue(window.builds().buildModel().log().stream().anyMatch(l -> l.startsWith("context " + context)),
                "the log says which context was sent");
        DockerEngine.cli("rmi", tag);
        interact(() -> lookup("#build-context-default").queryButton().fire());
        assertEquals("the Dockerfile's folder", lookup("#build-context").queryAs(Label.class).getText());
    }

    @Test
    void theFirstBuildMakesRoomForItsOutputOnlyOnce() throws Exception {
        DockerEngine.require().close();
        setText("FROM stagecraft-test/busybox\nRUN true\n");
        javafx.scene.control.SplitPane split = lookup("#top-and-bottom").queryAs(javafx.scene.control.SplitPane.class);
        interact(() -> split.setDividerPositions(0.92));
        assertTrue(window.bottomTabs().getHeight() < BuildPanel.BUILD_ROOM, "a small bottom area to start with");
        waitFor(15, () -> window.builds().engineMonitor().engineProperty().get() != null);
        shortcut(KeyCode.B);
        assertTrue(awaitOutcome().success());
        assertTrue(window.bottomTabs().getHeight() >= BuildPanel.BUILD_ROOM - 2,
                "the first build shows its steps and log: " + window.bottomTabs().getHeight());
        interact(() -> split.setDividerPositions(0.92)); // the user wants it small
        double small = window.bottomTabs().getHeight();
        shortcut(KeyCode.B);
        assertTrue(awaitOutcome().success());
        assertEquals(small, window.bottomTabs().getHeight(), 1, "later builds leave the user's divider alone");
    }

    private MeasuredBuild buildFromTheTab() {
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        waitFor(15, () -> !lookup("#build-button").query().isDisabled());
        clickOn("#build-button");
        return awaitOutcome();
    }

    private MeasuredBuild awaitOutcome() {
        waitFor(5, () -> window.builds().buildModel().runningProperty().get()
                || window.builds().buildModel().outcomeProperty().get() != null);
        waitFor(90, () -> window.builds().buildModel().outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.builds().buildModel().outcomeProperty().get();
    }

    private static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
