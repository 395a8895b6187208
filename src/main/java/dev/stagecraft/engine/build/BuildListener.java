package dev.stagecraft.engine.build;

import java.util.function.Consumer;

/**
 * Receives a build's events in order, on the builder's background thread; a UI hands them on to
 * its own thread. It should return quickly: the engine's stream waits while it runs.
 */
@FunctionalInterface
public interface BuildListener extends Consumer<BuildEvent> {
    /** A listener that drops everything. */
    static BuildListener none() {
        return e -> {
        };
    }
}
