package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine address that accepts the connection and never answers: every call but a build
 * stream ends within the time limit with a line saying so, on TCP and on a unix socket (where
 * socket read timeouts do not apply). The limit is 0.5 s here ({@value Engine#TIMEOUT_PROPERTY})
 * where nothing answers.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.stagecraft.testing.ShortEngineTimeout.class)
class EngineTimeoutTest {
    /** How long a test waits before it calls the call hung: far above the 0.5 s limit. */
    private static final long HUNG_SECONDS = 15;



    /** Runs {@code call} on another thread and fails the test if it does not end. */
    static <T> T ends(Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "call-under-test");
        t.setDaemon(true);
        long t0 = System.nanoTime();
        t.start();
        try {
            T result = f.get(HUNG_SECONDS, TimeUnit.SECONDS);
            System.out.printf("EngineTimeoutTest: ended after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            return result;
        } catch (TimeoutException e) {
            throw new AssertionError("still waiting for the engine after " + HUNG_SECONDS + " s: the call hangs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    @Test
    void theStatusOfASilentTcpEngineSaysNoAnswer() throws Exception {
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.SILENT);
             Engine e = Engine.connect(EngineEndpoint.of(fake.host(), "DOCKER_HOST"), Engine.CLI_HINT)) {
            EngineStatus s = ends(e::status);
            assertFalse(s.up());
            assertEquals("no answer from " + fake.host() + " within 0.5 s — restart dockerd or set DOCKER_HOST",
                    s.problem());
            assertEquals(s.problem(), s.describe());
        }
    }

    @Test
    void theStatusOfASilentUnixSocketSaysNoAnswer(@TempDir Path dir) throws Exception {
        try (FakeEngine fake = FakeEngine.unix(dir.resolve("docker.sock"), FakeEngine.Mode.SILENT);
             Engine e = Engine.connect(EngineEndpoint.of(fake.host(), "Settings"))) {
            EngineStatus s = ends(e::status);
            assertFalse(s.up());
            assertEquals("no answer from " + fake.host() + " within 0.5 s — restart dockerd or choose another engine "
                    + "in Settings", s.problem());
            // a second check does not stay stuck on the first one's connection either
            assertEquals(s.problem(), ends(e::status).problem());
        }
    }

    @Test
    void inspectAndHistoryOfASilentEngineFailWithTheReason(@TempDir Path dir) throws Exception {
        try (FakeEngine fake = FakeEngine.unix(dir.resolve("docker.sock"), FakeEngine.Mode.SILENT);
             Engine e = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
            Images images = new Images(e);
            IOException inspect = assertThrows(IOException.class, () -> ends(() -> images.inspect("busybox")));
            assertEquals("can't inspect image busybox: no answer from " + fake.host() + " within 0.5 s",
                    inspect.getMessage());
            IOException history = assertThrows(IOException.class, () -> ends(() -> images.history("busybox")));
            assertEquals("can't read the history of busybox: no answer from " + fake.host() + " within 0.5 s",
                    history.getMessage());
        }
    }

    @Test
    void anEngineThatAnswersKeepsAnswering() throws Exception {
        // the limit counts from the call, first class loading included: give a loaded machine room
        System.setProperty(Engine.TIMEOUT_PROPERTY, "10");
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.HANG_BUILD);
             Engine e = Engine.connect(EngineEndpoint.of(fake.host(), "test"))) {
            for (int i = 0; i < 3; i++) {
                EngineStatus s = ends(e::status);
                assertTrue(s.up(), s.problem());
                assertEquals("20.10.99-fake", s.engineVersion());
            }
        }
    }

    @Test
    void theLimitComesFromTheSystemPropertyElseTenSeconds() {
        assertEquals(java.time.Duration.ofMillis(500), Engine.configuredTimeout());
        System.setProperty(Engine.TIMEOUT_PROPERTY, "soon");
        assertEquals(java.time.Duration.ofSeconds(10), Engine.configuredTimeout());
        System.clearProperty(Engine.TIMEOUT_PROPERTY);
        assertEquals(java.time.Duration.ofSeconds(10), Engine.configuredTimeout());
        assertEquals("10 s", Engine.seconds(java.time.Duration.ofSeconds(10)));
        assertEquals("0.5 s", Engine.seconds(java.time.Duration.ofMillis(500)));
    }
}
