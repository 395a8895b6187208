package dev.stagecraft.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.BuildResult;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Build tab's state, driven by build events as the builders send them; no display, no engine. */
class BuildViewModelTest {
    static final String TWO_STAGES = """
            ARG VERSION=1.0
            FROM busybox AS builder
            ARG LEVEL
            RUN echo build > /out
            FROM busybox
            COPY --from=builder /out /out
            """;

    private final BuildViewModel model = new BuildViewModel(Runnable::run, Runnable::run);

    @Test
    void theContextSentIsSummedUpAndALargeOneWarns() {
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.BUILDKIT);
        model.accept(new BuildEvent.Context("/src", 12, 3_400_000, null));
        assertEquals("12 files, 3.4 MB", model.contextSummaryProperty().get());
        assertNull(model.contextWarningProperty().get());
        assertTrue(model.log().contains("context /src: 12 files, 3.4 MB"), model.log().toString());
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.BUILDKIT);
        assertEquals("", model.contextSummaryProperty().get(), "a new build forgets the last context");
        model.accept(new BuildEvent.Context("/src", 1204, 312_000_000, "build context is 312 MB; largest: data/"));
        assertTrue(model.contextSummaryProperty().get().startsWith("1204 files, 312 MB"));
        assertEquals("build context is 312 MB; largest: data/", model.contextWarningProperty().get());
        assertTrue(model.log().contains("WARNING: build context is 312 MB; largest: data/"));
    }

    @Test
    void showsStepsStagesProgressAndTheGraphStates() {
        StageGraph g = StageGraph.parse(TWO_STAGES);
        model.begin(g, BuilderKind.BUILDKIT);
        assertTrue(model.runningProperty().get());
        assertEquals(List.of("builder", "#1"), model.stages().stream().map(StageStatus::name).toList());

        model.acceptAll(List.of(
                new BuildEvent.StepStarted("builder", 1, 2, "FROM busybox", "v1"),
                new BuildEvent.StepCached("builder", 1, 2, "FROM busybox", "v1"),
                new BuildEvent.StepStarted("builder", 2, 2, "RUN echo build > /out", "v2"),
                new BuildEvent.Log("v2", "builder", 2, "line one\nline two")));
        assertEquals(StepState.RUNNING, model.stageStates().get(0));
        assertNull(model.stageStates().get(1));
        assertEquals(List.of("#builder 1/2 FROM busybox",
                "#builder 2/2 RUN echo build > /out", "line one", "line two"), model.log());
        assertEquals(StepState.CACHED, model.steps().get(0).state());
        assertEquals(StepState.RUNNING, model.steps().get(1).state());

        model.accept(new BuildEvent.StepCompleted("builder", 2, 2, "RUN echo build > /out", "v2", Duration.ofMillis(1500)));
        assertEquals(StepState.DONE, model.stageStates().get(0));
        assertEquals("1.5 s", model.steps().get(1).duration());
        assertEquals("2/2 steps", model.stages().get(0).progressText());
        assertTrue(model.progressProperty().get() > 0.4 && model.progressProperty().get() < 1);
    }

    @Test
    void aFailedStepMarksItsStageAndTheHistory() {
        StageGraph g = StageGraph.parse(TWO_STAGES);
        model.begin(g, BuilderKind.BUILDKIT);
        BuildEvent.StepFailed failed = new BuildEvent.StepFailed("builder", 2, 2, "RUN echo build > /out", "v2",
                "exit code: 1", List.of());
        model.accept(new BuildEvent.StepStarted("builder", 2, 2, "RUN echo build > /out", "v2"));
        model.accept(failed);
        BuildResult result = new BuildResult(false, null, "exit code: 1", 2.0, false, failed, Map.of());
        model.finish(new MeasuredBuild(BuildOutcome.ended(BuildOutcome.Status.FAILED, result,
                "build failed at Dockerfile:4 (RUN echo build > /out): exit code: 1", 4), null, 0));
        assertFalse(model.runningProperty().get());
        assertEquals(StepState.FAILED, model.stageStates().get(0));
        assertEquals("build failed at Dockerfile:4 (RUN echo build > /out): exit code: 1", model.messageProperty().get());
        assertEquals("failed", model.history().get(0).result());
        assertEquals(4, model.outcomeProperty().get().failedLine());
    }

    @Test
    void cancelReturnsToIdle() {
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.CLASSIC);
        model.accept(new BuildEvent.StepStarted(null, 4, 6, "RUN echo build > /out", "step-4"));
        assertEquals(StepState.RUNNING, model.stageStates().get(0));
        model.finish(MeasuredBuild.interrupted());
        assertFalse(model.runningProperty().get());
        assertTrue(model.stageStates().isEmpty());
        assertEquals(0.0, model.progressProperty().get());
        assertEquals("Build cancelled", model.messageProperty().get());
        assertEquals("cancelled", model.history().get(0).result());
        assertEquals(BuilderKind.CLASSIC.label(), model.history().get(0).builder());
    }

    @Test
    void successFinishesEveryStageAndRecordsTheFinalSize() {
        StageGraph g = StageGraph.parse(TWO_STAGES);
        model.begin(g, BuilderKind.BUILDKIT);
        SizeReport report = SizeReport.of(g, "sha256:abc", "1", "buildkit", 3.0, List.of(
                new StageSize(0, "builder", "sha256:b", 4_400_000, true, List.of()),
                new StageSize(1, null, "sha256:abc", 4_400_100, true, List.of())));
        model.finish(new MeasuredBuild(BuildOutcome.ended(BuildOutcome.Status.SUCCEEDED,
                new BuildResult(true, "sha256:abc", null, 3.0, false, null, Map.of()), null, null), report, 0));
        assertEquals(1.0, model.progressProperty().get());
        assertEquals(StepState.DONE, model.stageStates().get(0));
        assertEquals(StepState.DONE, model.stageStates().get(1));
        assertEquals("succeeded", model.history().get(0).result());
        assertEquals("4.4 MB", model.history().get(0).finalSize());
    }

    @Test
    void aHundredThousandLogLinesArriveInOneChange() {
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.BUILDKIT);
        List<BuildEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            batch.add(new BuildEvent.Log("v", "builder", 2, "line " + i));
        }
        int[] changes = {0};
        model.log().addListener((javafx.collections.ListChangeListener<String>) c -> changes[0]++);
        model.acceptAll(batch);
        assertEquals(100_000, model.log().size());
        assertEquals(1, changes[0]);
    }

    @Test
    void aCannotBuildMessageGoesWhenAnEngineAnswers() {
        model.unavailable("no Docker engine at unix:///var/run/docker.sock: no such socket");
        assertTrue(model.messageProperty().get().startsWith("Cannot build: no Docker engine"));
        model.engineAvailable();
        assertEquals(BuildViewModel.READY, model.messageProperty().get());
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.BUILDKIT);
        model.engineAvailable();
        assertTrue(model.messageProperty().get().startsWith("Building #1"), "a build's own message stays");
    }

    @Test
    void cancelReturnsAtOnceAndTheBuildEndsOnItsOwn() {
        List<Runnable> background = new ArrayList<>();
        BuildViewModel queued = new BuildViewModel(background::add, Runnable::run);
        queued.options().setGraph(StageGraph.parse(TWO_STAGES));
        queued.start(null, queued.options().options(java.nio.file.Path.of("/nowhere"),
                java.nio.file.Path.of("/nowhere/Dockerfile"), TWO_STAGES));
        assertEquals(1, background.size(), "the build itself waits on the background executor");
        long start = System.nanoTime();
        queued.cancel(); // the session stops its build on its own threads: nothing waits here
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(1),
                "cancel returned at once (a build that never started has nothing to wait for)");
        assertEquals("Cancelling\u2026", queued.messageProperty().get());
        assertTrue(queued.runningProperty().get(), "idle only once the build has ended");
    }
}
