package dev.stagecraft.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.FakeEngine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOutcome.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build session as the window runs it, against a stand-in engine that records what it is
 * sent: bad input is refused with one line before anything reaches the engine, an unknown target
 * is never built as the last stage, an engine that goes away is named, and cancel returns at
 * once even when the engine no longer answers.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.stagecraft.testing.ShortEngineTimeout.class)
class BuildSessionTest {
    private static final long HUNG_SECONDS = 15;
    private static final String THREE_STAGES = """
            FROM stagecraft-test/busybox AS base
            RUN echo base
            FROM base AS build
            RUN echo build
            FROM scratch AS final
            COPY --from=build /bin/busybox /busybox
            """;

    @TempDir
    Path dir;


    private Path project(String dockerfile) throws Exception {
        Path p = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(p.resolve("Dockerfile"), dockerfile);
        return p;
    }

    private static BuildOptions options(Path context) {
        return BuildOptions.of(context.resolve("Dockerfile"));
    }

    /** Runs a session against {@code fake}; fails the test if it does not end. */
    private static BuildOutcome run(FakeEngine fake, BuildOptions options, List<BuildEvent> events) throws Exception {
        try (Engine engine = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
            BuildSession s = new BuildSession(engine, options, events::add);
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return s.run();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(HUNG_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static boolean builtAnything(FakeEngine fake) {
        return fake.requests().stream().anyMatch(r -> r.contains("/build"));
    }

    @Test
    void anUnknownTargetIsRefusedWithTheStagesAndTheNearestNameAndNothingIsSent() throws Exception {
        Path ctx = project(THREE_STAGES);
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
            List<BuildEvent> events = new CopyOnWriteArrayList<>();
            BuildOutcome o = run(fake, options(ctx).withTarget("Bsae"), events);
            assertEquals(Status.REFUSED, o.status());
            assertEquals("no stage 'Bsae'; did you mean 'base'? stages: base, build, final", o.message());
            assertFalse(builtAnything(fake), fake.requests().toString());
            assertEquals(List.of(), events, "not even the context is listed");
            // an index past the last stage is no fallback to the last stage either
            BuildOutcome byIndex = run(fake, options(ctx).withTarget("3"), events);
            assertEquals(Status.REFUSED, byIndex.status());
            assertTrue(byIndex.message().startsWith("no stage '3'"), byIndex.message());
            assertFalse(builtAnything(fake));
        }
    }

    @Test
    void aDockerfileThatIsNoTextIsRefusedInOneLine() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.write(ctx.resolve("Dockerfile"), new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2});
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
            BuildOutcome o = run(fake, options(ctx), new CopyOnWriteArrayList<>());
            assertEquals(Status.REFUSED, o.status());
            assertTrue(o.message().contains(ctx.resolve("Dockerfile").toString()), o.message());
            assertEquals(1, o.message().lines().count(), o.message());
            assertFalse(builtAnything(fake));
        }
    }

    @Test
    void aContextThatIsAFileOrMissingIsRefused() throws Exception {
        Path ctx = project("FROM stagecraft-test/busybox\n");
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
            BuildOutcome file = run(fake, options(ctx).withContext(ctx.resolve("Dockerfile")), new CopyOnWriteArrayList<>());
            assertEquals(new BuildOutcome(Status.REFUSED, null, "build context " + ctx.resolve("Dockerfile")
                    + " is a file, not a folder", null, null, Map.of(), 0), file);
            BuildOutcome missing = run(fake, options(ctx).withContext(dir.resolve("nowhere")), new CopyOnWriteArrayList<>());
            assertEquals("build context " + dir.resolve("nowhere") + " does not exist", missing.message());
            assertFalse(builtAnything(fake));
        }
    }

    @Test
    void aDockerfileWithoutAStageIsRefused() throws Exception {
        Path ctx = project("# nothing but a comment\n");
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
            BuildOutcome o = run(fake, options(ctx), new CopyOnWriteArrayList<>());
            assertEquals(Status.REFUSED, o.status());
            assertEquals("the Dockerfile has no stage (no FROM)", o.message());
        }
    }

    @Test
    void anEngineThatGoesAwayDuringTheBuildIsNamed() throws Exception {
        Path ctx = project(THREE_STAGES);
        for (BuilderKind kind : BuilderKind.values()) {
            try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
                BuildOutcome o = run(fake, options(ctx).withBuilder(kind), new CopyOnWriteArrayList<>());
                assertEquals(Status.ENGINE_LOST, o.status(), kind + ": " + o);
                assertEquals("the engine at " + fake.host() + " went away during the build (the connection closed "
                        + "before the build ended)", o.message());
                assertNull(o.failedLine());
            }
        }
    }

    @Test
    void cancelReturnsAtOnceAndEndsABuildTheEngineNoLongerAnswers() throws Exception {
        Path ctx = project(THREE_STAGES);
        for (BuilderKind kind : BuilderKind.values()) {
            try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.HANG_BUILD);
                 Engine engine = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
                BuildSession s = new BuildSession(engine, options(ctx).withBuilder(kind), null);
                CompletableFuture<BuildOutcome> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return s.run();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(fake.buildSent().await(HUNG_SECONDS, TimeUnit.SECONDS), "the build never started");
                // the caller is the FX thread in the window: cancel must not wait for the engine
                CompletableFuture<CompletableFuture<BuildOutcome>> cancel = CompletableFuture.supplyAsync(s::cancel);
                long t0 = System.nanoTime();
                CompletableFuture<BuildOutcome> ended = cancel.get(HUNG_SECONDS, TimeUnit.SECONDS);
                BuildOutcome o = ended.get(HUNG_SECONDS, TimeUnit.SECONDS);
                System.out.printf("BuildSessionTest %s: the session ended %d ms after cancel()%n", kind,
                        (System.nanoTime() - t0) / 1_000_000);
                assertEquals(Status.CANCELLED, o.status(), o.toString());
                assertEquals(o, running.get(HUNG_SECONDS, TimeUnit.SECONDS));
            }
        }
    }
}
