package dev.stagecraft.engine.build;

/**
 * Builds an image from a Dockerfile on a Docker engine: {@link BuildKitBuilder} (the default) or
 * {@link ClassicBuilder}. {@link #start} returns at once; the build runs on a background thread
 * that also calls the listener. Implementations are thread-safe: builds may run side by side.
 */
public interface ImageBuilder {

    /** Starts a build; events go to {@code listener}, ending with exactly one {@link BuildEvent.Finished}. */
    BuildHandle start(BuildRequest request, TarSource context, BuildListener listener);

    /** Builds and waits for the result. Blocking: call off the FX thread. */
    default BuildResult build(BuildRequest request, TarSource context, BuildListener listener)
            throws InterruptedException {
        return start(request, context, listener).await();
    }
}
