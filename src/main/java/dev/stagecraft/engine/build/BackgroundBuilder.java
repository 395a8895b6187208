package dev.stagecraft.engine.build;

import java.util.concurrent.Executor;

/**
 * What both builders share: {@link #start} hands the build to the executor (by default a thread
 * per build) behind an {@link EventGate}, so the listener hears only from that thread and
 * nothing after the build finished.
 */
abstract class BackgroundBuilder implements ImageBuilder {
    private final Executor executor;

    BackgroundBuilder(Executor executor) {
        this.executor = executor;
    }

    @Override
    public final BuildHandle start(BuildRequest request, TarSource context, BuildListener listener) {
        EventGate gate = new EventGate(listener);
        BuildHandle handle = new BuildHandle(gate);
        executor.execute(() -> run(request, context, gate, handle));
        return handle;
    }

    /** Runs the build on the executor's thread; ends with exactly one {@link BuildEvent.Finished}. */
    abstract void run(BuildRequest request, TarSource context, BuildListener listener, BuildHandle handle);
}
