package dev.stagecraft.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuilderKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress reducer replaying event streams recorded from real builds on the engine
 * ({@code src/test/resources/build-events}, made by {@link RecordEvents}): no engine, no display.
 */
class ProgressReducerTest {
    private final AtomicLong clock = new AtomicLong(1);

    private ProgressReducer replay(String dockerfile, String stream, BuilderKind kind) {
        ProgressReducer r = new ProgressReducer(StageGraph.parse(resource(dockerfile)), kind, clock::get);
        for (BuildEvent e : EventStream.read(stream)) {
            clock.addAndGet(100_000_000);
            r.accept(e);
        }
        return r;
    }

    @Test
    void aBuildKitBuildPlacesEveryStepInItsStageEvenWithExpandedVariables() {
        ProgressReducer r = replay("buildkit-two-stages.Dockerfile", "buildkit-two-stages.jsonl", BuilderKind.BUILDKIT);
        List<StepStatus> steps = r.steps();
        assertEquals(List.of(0, 0, 0, 0, 1, 1), steps.stream().map(StepStatus::stage).toList(),
                "the RUN BuildKit names with $GREETING expanded is still the builder's: " + steps);
        assertEquals("RUN echo \"hello from the builder\" > /src/out && sleep 1", steps.get(2).instruction());
        assertEquals(List.of("1/4", "2/4", "3/4", "4/4", "2/3", "3/3"), steps.stream().map(StepStatus::step).toList());
        assertEquals(StepState.CACHED, steps.get(1).state(), "WORKDIR came from the cache");
        assertTrue(steps.stream().filter(s -> s.state() != StepState.CACHED).allMatch(s -> s.state() == StepState.DONE),
                steps.toString());
        assertEquals(List.of(4, 3), r.stages().stream().map(StageStatus::total).toList(), "totals as BuildKit counts");
        assertEquals(StepState.DONE, r.stages().get(0).state());
        assertTrue(r.progress() > 0.5 && r.progress() < 1, "not finished until the outcome: " + r.progress());
        r.finish(BuildEnd.SUCCEEDED, null, null);
        assertEquals(1.0, r.progress());
        assertEquals(Map.of(0, StepState.DONE, 1, StepState.DONE), r.stageStates());
        assertEquals("3/3 steps", r.stages().get(1).progressText(), "the FROM BuildKit shared with builder counts");
    }

    @Test
    void aCachedRebuildShowsCachedStages() {
        ProgressReducer r = replay("buildkit-two-stages.Dockerfile", "buildkit-two-stages-cached.jsonl",
                BuilderKind.BUILDKIT);
        r.finish(BuildEnd.SUCCEEDED, null, null);
        assertEquals(StepState.CACHED, r.stageStates().get(1), r.steps().toString());
        assertTrue(r.steps().stream().allMatch(s -> s.state() == StepState.CACHED || s.state() == StepState.DONE));
        List<String> log = r.drainLog();
        assertTrue(log.get(0).startsWith("context /tmp/rec/ok: 1 file"), log.get(0));
        assertEquals(List.of(), r.drainLog(), "log lines are handed over once");
    }

    @Test
    void aBuildKitFailureMarksTheFailedStepAndItsStage() {
        ProgressReducer r = replay("fails-with-variable.Dockerfile", "buildkit-fails-with-variable.jsonl",
                BuilderKind.BUILDKIT);
        StepStatus failed = r.steps().stream().filter(s -> s.state() == StepState.FAILED).findFirst().orElseThrow();
        assertEquals(1, failed.stage(), "the build stage, though BuildKit expanded $CODE: " + r.steps());
        assertEquals("build", failed.stageName());
        r.finish(BuildEnd.FAILED, null, null);
        assertEquals(StepState.FAILED, r.stageStates().get(1));
        assertEquals(0.0, r.progress());
        assertTrue(r.drainLog().stream().anyMatch(l -> l.startsWith("ERROR: ") && l.contains("exit code: 3")));
    }

    @Test
    void theClassicBuilderNumbersStepsAcrossTheFile() {
        ProgressReducer r = replay("classic-two-stages.Dockerfile", "classic-two-stages.jsonl", BuilderKind.CLASSIC);
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1, 1), r.steps().stream().map(StepStatus::stage).toList(),
                r.steps().toString());
        assertEquals(List.of(5, 3), r.stages().stream().map(StageStatus::total).toList(), "every instruction is a step");
        r.finish(BuildEnd.SUCCEEDED, null, null);
        assertEquals(Map.of(0, StepState.DONE, 1, StepState.DONE), r.stageStates());
    }

    @Test
    void aClassicFailureIsPlacedByItsLineWhenNoStepSaysSo() {
        ProgressReducer r = replay("fails-with-variable.Dockerfile", "classic-fails-with-variable.jsonl",
                BuilderKind.CLASSIC);
        r.finish(BuildEnd.FAILED, null, 5);
        assertEquals(StepState.FAILED, r.stageStates().get(1), r.steps().toString());
    }

    @Test
    void cancellingPutsRunningWorkBackToWaiting() {
        ProgressReducer r = new ProgressReducer(StageGraph.parse(resource("fails-with-variable.Dockerfile")),
                BuilderKind.BUILDKIT, clock::get);
        r.accept(new BuildEvent.StepStarted("base", 2, 2, "RUN echo base", "v"));
        assertEquals(StepState.RUNNING, r.stageStates().get(0));
        r.finish(BuildEnd.CANCELLED, null, null);
        assertEquals(Map.of(), r.stageStates());
        assertEquals(StepState.WAITING, r.steps().get(0).state());
    }

    private static String resource(String name) {
        try (InputStream in = ProgressReducerTest.class.getResourceAsStream("/build-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
