package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineEndpoint;
import dev.stagecraft.engine.FakeEngine;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both builders against an engine that answers the version call and then goes away: one that
 * hangs up in the middle of the build's stream, and one that stops answering once the build was
 * sent. The first ends the build with the reason; the second waits (a build stream has no time
 * limit) until cancelled, and the cancel frees it at once.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.stagecraft.testing.ShortEngineTimeout.class)
class EngineGoesAwayTest {
    private static final long HUNG_SECONDS = 15;

    @TempDir
    Path dir;


    private static Function<Engine, ImageBuilder> builder(String kind) {
        return kind.equals("classic") ? ClassicBuilder::new : BuildKitBuilder::new;
    }

    private FakeEngine fake(String transport, FakeEngine.Mode mode) throws Exception {
        return transport.equals("unix") ? FakeEngine.unix(dir.resolve("docker.sock"), mode) : FakeEngine.tcp(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit/tcp", "classic/tcp", "buildkit/unix", "classic/unix"})
    void anEngineThatHangsUpMidBuildEndsTheBuildWithTheReason(String how) throws Exception {
        String[] kt = how.split("/");
        try (FakeEngine fake = fake(kt[1], FakeEngine.Mode.DROP_DURING_BUILD);
             Engine engine = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
            Recorder rec = new Recorder();
            long t0 = System.nanoTime();
            BuildResult r = builder(kt[0]).apply(engine).start(BuildRequest.of(null),
                    TestContext.of("Dockerfile", "FROM stagecraft-test/busybox\nRUN true\n"), rec).result()
                    .get(HUNG_SECONDS, TimeUnit.SECONDS);
            System.out.printf("EngineGoesAwayTest %s: failed after %d ms: %s%n", how,
                    (System.nanoTime() - t0) / 1_000_000, r.error());
            assertFalse(r.success());
            assertFalse(r.cancelled());
            assertTrue(r.engineLost(), r.toString());
            assertTrue(r.error().startsWith("the engine at " + fake.host() + " went away during the build ("), r.error());
            assertEquals(1, rec.all(BuildEvent.Finished.class).size(), rec.dump());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit/tcp", "classic/tcp", "buildkit/unix", "classic/unix"})
    void aCancelFreesABuildWhoseEngineStoppedAnswering(String how) throws Exception {
        String[] kt = how.split("/");
        try (FakeEngine fake = fake(kt[1], FakeEngine.Mode.HANG_BUILD);
             Engine engine = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
            BuildHandle h = builder(kt[0]).apply(engine).start(BuildRequest.of(null),
                    TestContext.of("Dockerfile", "FROM stagecraft-test/busybox\n"), BuildListener.none());
            assertTrue(fake.buildSent().await(HUNG_SECONDS, TimeUnit.SECONDS), "the build never reached the engine");
            Thread.sleep(200);
            assertFalse(h.isDone(), "a build stream has no time limit: it waits for the engine");
            long t0 = System.nanoTime();
            CompletableFuture<BuildResult> ended = h.cancelInBackground();
            long returned = System.nanoTime();
            BuildResult r = ended.get(HUNG_SECONDS, TimeUnit.SECONDS);
            System.out.printf("EngineGoesAwayTest %s: cancelInBackground returned after %d µs, the build ended "
                    + "after %d ms%n", how, (returned - t0) / 1000, (System.nanoTime() - t0) / 1_000_000);
            assertTrue(r.cancelled(), r.toString());
        }
    }
}
