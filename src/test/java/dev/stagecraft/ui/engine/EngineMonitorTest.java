package dev.stagecraft.ui.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine indicator's model against an endpoint where nothing answers; no display. */
class EngineMonitorTest {
    @TempDir
    Path dir;

    @Test
    void saysWhyThereIsNoEngineAndKeepsChecking() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            EngineMonitor m = new EngineMonitor(pool, Runnable::run, Engine::connect);
            m.setHost("unix://" + dir.resolve("missing.sock"));
            m.check();
            long until = System.currentTimeMillis() + 5000;
            java.util.concurrent.BlockingQueue<Runnable> queue = pool.getQueue();
            while ((m.statusProperty().get() == null || queue.size() != 1) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertNotNull(m.statusProperty().get());
            assertNull(m.engineProperty().get());
            assertTrue(m.summaryProperty().get().startsWith("no Docker engine at unix://"), m.summaryProperty().get());
            assertTrue(m.summaryProperty().get().endsWith("choose another engine in Settings"));
            assertEquals(1, queue.size(),
                    "a re-check is scheduled while the engine is down");
            m.stop();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckThatThrowsEndsInAStateNotInChecking() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            EngineMonitor m = new EngineMonitor(pool, Runnable::run, at -> {
                throw new IllegalArgumentException("Unsupported protocol scheme found: 'bogus://x'");
            });
            m.setHost("bogus://x");
            m.check();
            long until = System.currentTimeMillis() + 5000;
            while (m.summaryProperty().get().startsWith("Checking") && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertEquals("cannot check the Docker engine at bogus://x: Unsupported protocol scheme found: 'bogus://x'",
                    m.summaryProperty().get());
            assertNull(m.engineProperty().get());
            assertEquals(1, pool.getQueue().size(), "it is checked again later");
            m.stop();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsWhatIsNoEndpoint() {
        assertNull(EngineSettingsDialog.invalid("tcp://10.0.0.2:2375"));
        assertNull(EngineSettingsDialog.invalid("unix:///var/run/docker.sock"));
        assertNull(EngineSettingsDialog.invalid(""));
        assertNotNull(EngineSettingsDialog.invalid("localhost"));
    }
}
