package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent.Finished;
import dev.stagecraft.engine.build.BuildEvent.ImageBuilt;
import dev.stagecraft.engine.build.BuildEvent.Log;
import dev.stagecraft.engine.build.BuildEvent.StepCached;
import dev.stagecraft.engine.build.BuildEvent.StepCompleted;
import dev.stagecraft.engine.build.BuildEvent.StepFailed;
import dev.stagecraft.engine.build.BuildEvent.StepStarted;
import dev.stagecraft.testing.DockerEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What both builders must do, against the real engine with the local busybox image: a two-stage
 * build, its events in order, the image, per-stage images, a cached rebuild, a failing RUN, cancel.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BuilderContract {
    protected Engine engine;

    /** The builder under test, on the test engine. */
    abstract ImageBuilder builder();

    /** Each stage's image of a finished build of {@code twoStage()} (stage name to id). */
    abstract List<String> stageImagesOf(BuildResult result, BuildRequest request, TarSource context,
            BuildListener listener) throws Exception;

    // per test, so that without an engine each test is reported skipped with the reason
    @BeforeEach
    void connect() {
        if (engine == null) {
            engine = DockerEngine.require();
        }
    }

    @AfterAll
    void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    /** A builder stage that writes a file with RUN, and a scratch stage that copies it; unique so nothing is cached. */
    static String twoStage(String nonce) {
        return "FROM stagecraft-test/busybox AS builder\n"
                + "RUN mkdir -p /out && echo " + nonce + " > /out/nonce.txt && echo wrote " + nonce + "\n"
                + "FROM scratch AS final\n"
                + "COPY --from=builder /out/nonce.txt /nonce.txt\n";
    }

    static String nonce() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean isRun(BuildEvent e, String prefix) {
        return e instanceof BuildEvent.StepEvent s && s.instruction().startsWith(prefix);
    }

    @Test
    void aTwoStageBuildReportsItsStepsInOrderAndTheImage() throws Exception {
        String nonce = nonce();
        String run = "RUN mkdir -p /out && echo " + nonce;
        Recorder rec = new Recorder();
        long t0 = System.nanoTime();
        BuildResult r = builder().build(BuildRequest.of(null), TestContext.of("Dockerfile", twoStage(nonce)), rec);
        System.out.printf("%s two-stage build: %.2f s%n", getClass().getSimpleName(), (System.nanoTime() - t0) / 1e9);
        assertTrue(r.success(), r.error() + "\n" + rec.dump());
        assertTrue(r.imageId().startsWith("sha256:"), r.imageId());

        int runStarted = rec.indexOf(e -> e instanceof StepStarted && isRun(e, run));
        int runLog = rec.indexOf(e -> e instanceof Log l && l.text().equals("wrote " + nonce));
        int runDone = rec.indexOf(e -> e instanceof StepCompleted && isRun(e, run));
        int copyStarted = rec.indexOf(e -> e instanceof StepStarted && isRun(e, "COPY --from=builder"));
        int copyDone = rec.indexOf(e -> e instanceof StepCompleted && isRun(e, "COPY --from=builder"));
        int image = rec.indexOf(e -> e instanceof ImageBuilt i && i.imageId().equals(r.imageId()));
        List<BuildEvent> events = rec.events();
        String dump = rec.dump();
        assertTrue(0 <= runStarted && runStarted < runLog && runLog < runDone && runDone < copyStarted
                && copyStarted < copyDone && copyDone < events.size() - 1 && image >= 0, dump);
        assertEquals(new Finished(true, r.imageId(), null, r.seconds()), events.get(events.size() - 1));

        StepCompleted runStep = (StepCompleted) events.get(runDone);
        assertEquals("builder", runStep.stage());
        assertEquals(run + " > /out/nonce.txt && echo wrote " + nonce, runStep.instruction());
        assertEquals("final", ((StepCompleted) events.get(copyDone)).stage());
        // every started step ends exactly once
        for (StepStarted s : rec.all(StepStarted.class)) {
            long ends = events.stream().filter(e -> e instanceof BuildEvent.StepEvent end && !(e instanceof StepStarted)
                    && end.vertex().equals(s.vertex())).count();
            assertEquals(1, ends, s + "\n" + dump);
        }
        // the final image is scratch plus the copied file: one layer
        assertEquals(1, engine.docker().inspectImageCmd(r.imageId()).exec().getRootFS().getLayers().size());
    }

    @Test
    void theCliOptionsReachTheEngine() throws Exception {
        String nonce = nonce();
        String tag = "stagecraft-test/options:" + nonce;
        String df = "FROM stagecraft-test/busybox AS builder\nARG GREETING\nRUN echo \"$GREETING\" > /greeting\n"
                + "FROM builder AS other\nRUN echo never\n";
        BuildRequest request = BuildRequest.of("docker/app.Dockerfile").withTarget("builder")
                .withBuildArgs(Map.of("GREETING", "hello & " + nonce)).withTags(List.of(tag))
                .withLabels(Map.of("dev.stagecraft.test", "a b=" + nonce));
        Recorder rec = new Recorder();
        BuildResult r = builder().build(request, TestContext.of("docker/app.Dockerfile", df), rec);
        try {
            assertTrue(r.success(), r.error() + "\n" + rec.dump());
            assertEquals(-1, rec.indexOf(e -> isRun(e, "RUN echo never")), rec.dump());
            var image = engine.docker().inspectImageCmd(tag).exec();
            assertEquals(r.imageId(), image.getId());
            assertEquals("a b=" + nonce, image.getConfig().getLabels().get("dev.stagecraft.test"));
            // the build arg reached the RUN: a no-cache rebuild with another value makes another image
            BuildResult other = builder().build(request.withBuildArgs(Map.of("GREETING", "bye")).withTags(List.of()),
                    TestContext.of("docker/app.Dockerfile", df), BuildListener.none());
            assertTrue(other.success(), other.error());
            assertNotEquals(r.imageId(), other.imageId());
        } finally {
            engine.docker().removeImageCmd(tag).withNoPrune(true).exec();
        }
    }

    @Test
    void eachStageHasItsOwnImage() throws Exception {
        TarSource context = TestContext.of("Dockerfile", twoStage(nonce()));
        BuildRequest request = BuildRequest.of(null);
        BuildResult r = builder().build(request, context, BuildListener.none());
        assertTrue(r.success(), r.error());
        long t0 = System.nanoTime();
        Recorder rec = new Recorder();
        List<String> images = stageImagesOf(r, request, context, rec);
        // the cache serves them: no instruction runs again (BuildKit starts FROM each time: it resolves the base)
        assertEquals(-1, rec.indexOf(e -> e instanceof StepStarted s && s.step() > 0
                && !s.instruction().startsWith("FROM ")), rec.dump());
        assertEquals(r.imageId(), images.get(images.size() - 1));
        System.out.printf("%s per-stage images: %.2f s%n", getClass().getSimpleName(), (System.nanoTime() - t0) / 1e9);
        assertEquals(2, images.size(), images.toString());
        assertEquals(r.imageId(), images.get(1));
        assertNotEquals(images.get(0), images.get(1));
        // the builder stage is busybox plus the RUN layer
        var builder = engine.docker().inspectImageCmd(images.get(0)).exec();
        var base = engine.docker().inspectImageCmd("stagecraft-test/busybox").exec();
        assertEquals(base.getRootFS().getLayers().size() + 1, builder.getRootFS().getLayers().size());
    }

    @Test
    void aRebuildIsServedFromTheCache() throws Exception {
        String nonce = nonce();
        TarSource context = TestContext.of("Dockerfile", twoStage(nonce));
        BuildResult first = builder().build(BuildRequest.of(null), context, BuildListener.none());
        assertTrue(first.success(), first.error());
        Recorder rec = new Recorder();
        long t0 = System.nanoTime();
        BuildResult again = builder().build(BuildRequest.of(null), context, rec);
        System.out.printf("%s cached rebuild: %.2f s%n", getClass().getSimpleName(), (System.nanoTime() - t0) / 1e9);
        assertTrue(again.success(), again.error());
        assertEquals(first.imageId(), again.imageId());
        String dump = rec.dump();
        assertTrue(rec.indexOf(e -> e instanceof StepCached && isRun(e, "RUN mkdir")) >= 0, dump);
        assertTrue(rec.indexOf(e -> e instanceof StepCached && isRun(e, "COPY --from=builder")) >= 0, dump);
        assertEquals(-1, rec.indexOf(e -> e instanceof StepStarted && isRun(e, "RUN ")), dump);
        assertEquals(-1, rec.indexOf(e -> e instanceof Log l && l.text().contains("wrote")), dump);
    }

    @Test
    void aFailingRunIsReportedWithItsStepAndOutput() throws Exception {
        String nonce = nonce();
        String failing = "RUN echo about to fail " + nonce + " && echo second line && false";
        String df = "FROM stagecraft-test/busybox AS builder\nRUN echo ok\n" + failing + "\nRUN echo never\n"
                + "FROM scratch\nCOPY --from=builder /bin/busybox /busybox\n";
        Recorder rec = new Recorder();
        BuildResult r = builder().build(BuildRequest.of(null), TestContext.of("Dockerfile", df), rec);
        String dump = rec.dump();
        assertFalse(r.success(), dump);
        assertFalse(r.cancelled());
        assertNull(r.imageId());
        StepFailed f = r.failedStep();
        System.out.printf("%s failing RUN: %s / step error: %s%n", getClass().getSimpleName(), r.error(), f.error());
        assertEquals("builder", f.stage(), dump);
        assertEquals(failing, f.instruction());
        assertEquals(3, f.step());
        assertTrue(f.logTail().containsAll(List.of("about to fail " + nonce, "second line")), f.toString());
        assertTrue(f.error().contains("exit code: 1") || f.error().contains("non-zero code: 1"), f.error());
        assertTrue(rec.all(StepFailed.class).contains(f), dump);
        assertEquals(-1, rec.indexOf(e -> isRun(e, "RUN echo never") && !(e instanceof StepCached)), dump);
        Finished last = (Finished) rec.events().get(rec.events().size() - 1);
        assertFalse(last.success());
        assertEquals(r.error(), last.error());
    }

    @Test
    void cancelStopsARunningStepAndLeavesNothingRunning() throws Exception {
        String marker = "stagecraft-" + nonce();
        // the marker is in the process's arguments so the test can find it on the host
        String df = "FROM stagecraft-test/busybox\nRUN echo started && sh -c 'sleep 30; echo " + marker + "' " + marker
                + "\n";
        Recorder rec = new Recorder(e -> e instanceof Log l && l.text().equals("started"));
        BuildHandle h = builder().start(BuildRequest.of(null), TestContext.of("Dockerfile", df), rec);
        assertTrue(rec.seen.await(20, TimeUnit.SECONDS), "the step never started:\n" + rec.dump());
        // "started" is printed before the shell starts the marked process: on a loaded machine the
        // log line can arrive first (CI saw it)
        long seen = System.nanoTime();
        while (processesWith(marker) == 0 && System.nanoTime() - seen < 10_000_000_000L) {
            Thread.sleep(20);
        }
        assertTrue(processesWith(marker) > 0, "the RUN is not running on the host");
        long t0 = System.nanoTime();
        h.cancel();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%s cancel: %d ms%n", getClass().getSimpleName(), millis);
        assertTrue(millis < 2000, "cancel took " + millis + " ms");
        assertTrue(h.isDone());
        BuildResult r = h.await();
        assertTrue(r.cancelled());
        assertFalse(r.success());
        // "stopped within 2 s": the engine may still be reaping the step as cancel returns
        while (processesWith(marker) > 0 && System.nanoTime() - t0 < 2_000_000_000L) {
            Thread.sleep(20);
        }
        System.out.printf("%s RUN gone after: %d ms%n", getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, processesWith(marker), "the RUN still runs 2 s after cancel");
        // nothing after the end, even what the broken stream still delivers
        List<BuildEvent> events = rec.events();
        assertEquals(new Finished(false, null, "cancelled", r.seconds()), events.get(events.size() - 1), rec.dump());
        assertEquals(1, rec.all(Finished.class).size(), rec.dump());
        List<Container> left = engine.docker().listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getCommand() != null && c.getCommand().contains(marker)).toList();
        assertEquals(List.of(), left.stream().map(c -> c.getId() + " " + c.getStatus()).toList());
    }

    @Test
    void theListenerCanCancelWithoutWaitingForItself() throws Exception {
        String marker = "stagecraft-" + nonce();
        String df = "FROM stagecraft-test/busybox\nRUN echo started && sh -c 'sleep 30' " + marker + "\n";
        BuildHandle[] handle = new BuildHandle[1];
        long[] cancelMillis = {-1};
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        BuildListener cancelling = e -> {
            if (e instanceof Log l && l.text().equals("started")) {
                try {
                    started.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                long t0 = System.nanoTime();
                handle[0].cancel();
                cancelMillis[0] = (System.nanoTime() - t0) / 1_000_000;
            }
        };
        long t0 = System.nanoTime();
        handle[0] = builder().start(BuildRequest.of(null), TestContext.of("Dockerfile", df), cancelling);
        started.countDown();
        BuildResult r = handle[0].result().get(20, TimeUnit.SECONDS);
        assertTrue(r.cancelled(), r.toString());
        assertTrue(cancelMillis[0] >= 0 && cancelMillis[0] < 500, "cancel in the listener took " + cancelMillis[0] + " ms");
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "the build ran on");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (processesWith(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, processesWith(marker), "the RUN still runs 2 s after cancel");
    }

    /** Processes on this host whose command line holds {@code marker} (the engine runs on this host). */
    static long processesWith(String marker) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    return cmd.contains(marker) && !cmd.contains("surefire");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
