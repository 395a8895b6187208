package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.build.BuildEvent.Log;
import dev.stagecraft.engine.build.BuildEvent.StepCached;
import dev.stagecraft.engine.build.BuildEvent.StepCompleted;
import dev.stagecraft.engine.build.BuildEvent.StepFailed;
import dev.stagecraft.engine.build.BuildEvent.StepStarted;
import dev.stagecraft.engine.build.BuildEvent.Warning;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Transcripts as dockerd 20.10's classic builder writes them (DOCKER_BUILDKIT=0 docker build). */
class ClassicProgressTest {
    private static final String FRESH = """
            Step 1/5 : FROM stagecraft-test/busybox AS builder
             ---> 22b3877354be
            Step 2/5 : ARG X
             ---> Running in 8db854cc5a27
            Removing intermediate container 8db854cc5a27
             ---> a74d48911d81
            Step 3/5 : RUN echo hi > /a && echo out1
             ---> Running in b0f11e4b1312
            out1
            Removing intermediate container b0f11e4b1312
             ---> 0c04b94e5bcd
            Step 4/5 : FROM scratch
             ---> \n\
            Step 5/5 : COPY --from=builder /a /a
             ---> ac70b811810d
            [Warning] One or more build-args [UNUSED] were not consumed
            Successfully built ac70b811810d
            """;

    private static List<BuildEvent> feed(ClassicProgress p, Recorder rec, String text, int chunk) {
        for (int i = 0; i < text.length(); i += chunk) {
            p.text(text.substring(i, Math.min(text.length(), i + chunk)));
        }
        p.flush();
        return rec.events();
    }

    @Test
    void eachStepStartsAndCompletesAndEachStageKeepsItsLastImage() {
        Recorder rec = new Recorder();
        ClassicProgress p = new ClassicProgress(rec);
        // chunks that split lines anywhere must give the same events
        List<BuildEvent> events = feed(p, rec, FRESH, 7);
        List<String> kinds = events.stream().map(e -> e.getClass().getSimpleName()
                + (e instanceof BuildEvent.StepEvent s ? " " + s.stage() + " " + s.step() : "")).toList();
        assertEquals(List.of("StepStarted builder 1", "StepCompleted builder 1", "StepStarted builder 2",
                "StepCompleted builder 2", "StepStarted builder 3", "Log", "StepCompleted builder 3",
                "StepStarted stage-1 4", "StepCompleted stage-1 4", "StepStarted stage-1 5", "StepCompleted stage-1 5",
                "Warning"), kinds);
        assertEquals(new Log("step-3", "builder", 3, "out1"), events.get(5));
        assertEquals("COPY --from=builder /a /a", ((StepStarted) events.get(9)).instruction());
        assertEquals(5, ((StepCompleted) events.get(10)).total());
        assertEquals(new Warning("One or more build-args [UNUSED] were not consumed", OptionalInt.empty()),
                events.get(11));
        assertEquals(Map.of(0, "0c04b94e5bcd", 1, "ac70b811810d"), p.stageImages());
        assertNull(p.runningContainer());
        assertNull(p.failure());
    }

    @Test
    void aStepUsingTheCacheIsOnlyCached() {
        Recorder rec = new Recorder();
        ClassicProgress p = new ClassicProgress(rec);
        feed(p, rec, """
                Step 1/2 : FROM stagecraft-test/busybox
                 ---> 22b3877354be
                Step 2/2 : RUN echo hi
                 ---> Using cache
                 ---> 0c04b94e5bcd
                Successfully built 0c04b94e5bcd
                """, 1000);
        assertEquals(new StepCached("stage-0", 2, 2, "RUN echo hi", "step-2"), rec.events().get(2));
        assertEquals(3, rec.events().size(), rec.dump());
        assertEquals(Map.of(0, "0c04b94e5bcd"), p.stageImages());
    }

    @Test
    void aFailingRunFailsWithItsOutput() {
        Recorder rec = new Recorder();
        ClassicProgress p = new ClassicProgress(rec);
        feed(p, rec, """
                Step 1/3 : FROM stagecraft-test/busybox AS b
                 ---> 22b3877354be
                Step 2/3 : RUN echo one && echo two && false
                 ---> Running in 1234567890ab
                one
                two""", 5);
        assertEquals("1234567890ab", p.runningContainer());
        p.failed("The command '/bin/sh -c echo one && echo two && false' returned a non-zero code: 1");
        StepFailed f = p.failure();
        assertEquals(new StepFailed("b", 2, 3, "RUN echo one && echo two && false", "step-2",
                "The command '/bin/sh -c echo one && echo two && false' returned a non-zero code: 1",
                List.of("one", "two")), f);
        assertTrue(rec.events().contains(f));
        assertEquals(Map.of(0, "22b3877354be"), p.stageImages());
    }
}
