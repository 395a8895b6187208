package dev.stagecraft.engine.build;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor of builders: one daemon thread per build, so a build never waits for another. */
final class BuildThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private BuildThreads() {
    }

    static Executor perBuild() {
        return r -> {
            Thread t = new Thread(r, "stagecraft-build-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            t.start();
        };
    }
}
