package dev.stagecraft.engine.build;

/**
 * Hands a build's events to the caller's listener one at a time and none after
 * {@link BuildEvent.Finished}: docker-java's stream thread may still deliver the tail of a
 * cancelled build while the builder's thread reports its end. Thread-safe.
 */
final class EventGate implements BuildListener {
    private final BuildListener target;
    private boolean finished;

    EventGate(BuildListener target) {
        this.target = target;
    }

    @Override
    public synchronized void accept(BuildEvent e) {
        if (finished) {
            return;
        }
        if (e instanceof BuildEvent.Finished) {
            finished = true;
        }
        target.accept(e);
    }
}
