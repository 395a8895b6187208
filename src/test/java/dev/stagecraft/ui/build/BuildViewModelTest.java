package dev.stagecraft.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.BuildResult;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Build tab's state, driven by build events as the builders send them; no display, no engine. */
class BuildViewModelTest {
    private static final String TWO_STAGES = """
            ARG VERSION=1.0
            FROM busybox AS builder
            ARG LEVEL
            RUN echo build > /out
            FROM busybox
            COPY --from=builder /out /out
            """;

    private final BuildViewModel model = new BuildViewModel(Runnable::run, Runnable::run);

    @Test
    void followsTheGraphTargetAndPrefillsArgs() {
        model.setGraph(StageGraph.parse(TWO_STAGES));
        assertEquals(List.of("builder", "1"), model.targets());
        assertEquals("1", model.targetProperty().get());
        assertEquals(List.of("VERSION", "LEVEL"), model.args().stream().map(BuildArgRow::name).toList());
        assertEquals("1.0", model.args().get(0).valueProperty().get());

        model.chooseTarget("builder");
        model.args().get(0).valueProperty().set("2.0");
        model.setGraph(StageGraph.parse(TWO_STAGES + "# edited\n"));
        assertEquals("builder", model.targetProperty().get(), "a chosen target survives edits");
        assertEquals("2.0", model.args().get(0).valueProperty().get(), "an edited arg survives edits");

        BuildOptions o = model.options(Path.of("/ctx"), Path.of("/ctx/Dockerfile"), TWO_STAGES);
        assertEquals("builder", o.target());
        assertEquals(Map.of("VERSION", "2.0"), o.buildArgs(), "unchanged defaults are not sent");
        assertEquals(BuilderKind.BUILDKIT, o.builder());
    }

    @Test
    void chosenContextPlatformTagsAndLabelsGoIntoTheOptions() {
        model.setGraph(StageGraph.parse(TWO_STAGES));
        BuildOptions plain = model.options(Path.of("/src"), Path.of("/src/Dockerfile"), TWO_STAGES);
        assertEquals(Path.of("/src"), plain.context(), "the Dockerfile's folder by default");
        assertNull(plain.platform());
        assertEquals(List.of(), plain.tags());
        model.contextDirProperty().set(Path.of("/elsewhere"));
        model.platformProperty().set(" linux/arm64 ");
        model.tagsProperty().set("app:1, app:latest  registry.local/app");
        model.labelsProperty().set("org.opencontainers.image.source=https://x/y,team=a=b flag");
        BuildOptions o = model.options(Path.of("/src"), Path.of("/src/Dockerfile"), TWO_STAGES);
        assertEquals(Path.of("/elsewhere"), o.context());
        assertEquals(Path.of("/src/Dockerfile"), o.dockerfile(), "the Dockerfile may lie outside the context");
        assertEquals("linux/arm64", o.platform());
        assertEquals(List.of("app:1", "app:latest", "registry.local/app"), o.tags());
        assertEquals(Map.of("org.opencontainers.image.source", "https://x/y", "team", "a=b", "flag", ""), o.labels(),
                "key=value, the value may hold '='; a key alone has an empty value");
    }

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
        assertEquals(List.of("builder", "#1"), model.stages().stream().map(StageRow::name).toList());

        model.acceptAll(List.of(
                new BuildEvent.StepStarted("builder", 1, 2, "FROM busybox", "v1"),
                new BuildEvent.StepCached("builder", 1, 2, "FROM busybox", "v1"),
                new BuildEvent.StepStarted("builder", 2, 2, "RUN echo build > /out", "v2"),
                new BuildEvent.Log("v2", "builder", 2, "line one\nline two")));
        assertEquals("running", model.stageStates().get(0));
        assertNull(model.stageStates().get(1));
        assertEquals(List.of("#builder 1/2 FROM busybox",
                "#builder 2/2 RUN echo build > /out", "line one", "line two"), model.log());
        assertEquals("cached", model.steps().get(0).stateProperty().get());
        assertEquals("running", model.steps().get(1).stateProperty().get());

        model.accept(new BuildEvent.StepCompleted("builder", 2, 2, "RUN echo build > /out", "v2", Duration.ofMillis(1500)));
        assertEquals("done", model.stageStates().get(0));
        assertEquals("1.5 s", model.steps().get(1).durationProperty().get());
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
        assertEquals("failed", model.stageStates().get(0));
        assertEquals("build failed at Dockerfile:4 (RUN echo build > /out): exit code: 1", model.messageProperty().get());
        assertEquals("failed", model.history().get(0).result());
        assertEquals(4, model.outcomeProperty().get().failedLine());
    }

    @Test
    void cancelReturnsToIdle() {
        model.begin(StageGraph.parse(TWO_STAGES), BuilderKind.CLASSIC);
        model.accept(new BuildEvent.StepStarted(null, 4, 6, "RUN echo build > /out", "step-4"));
        assertEquals("running", model.stageStates().get(0));
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
        BuildResult built = new BuildResult(true, "sha256:abc", null, 3.0, false, null, Map.of());
        model.finish(new MeasuredBuild(BuildOutcome.ended(BuildOutcome.Status.SUCCEEDED, built, null, null), report, 0));
        assertEquals(1.0, model.progressProperty().get());
        assertEquals("done", model.stageStates().get(0));
        assertEquals("done", model.stageStates().get(1));
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
}
