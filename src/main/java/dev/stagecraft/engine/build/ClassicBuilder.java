package dev.stagecraft.engine.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineConnection;
import dev.stagecraft.engine.context.ContextUnreadable;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Builds with the engine's classic builder through docker-java's {@link BuildImageCmd}, and
 * reports each stage's last image (see {@link BuildResult#stageImages()}). The stream has a
 * connection of its own without a read timeout; cancelling drops it. Thread-safe; each build runs
 * on its own background thread (or the given executor); docker-java's stream thread calls the
 * listener.
 */
public final class ClassicBuilder extends BackgroundBuilder {
    private static final System.Logger LOG = System.getLogger(ClassicBuilder.class.getName());

    private final Engine engine;

    public ClassicBuilder(Engine engine) {
        this(engine, BuildThreads.perBuild());
    }

    public ClassicBuilder(Engine engine, Executor executor) {
        super(executor);
        this.engine = engine;
    }

    @Override
    void run(BuildRequest request, TarSource context, BuildListener listener, BuildHandle handle) {
        long t0 = System.nanoTime();
        ClassicProgress progress = new ClassicProgress(listener);
        Stream stream = new Stream(progress, handle);
        String error = null;
        boolean lost = false;
        try (InputStream tar = context.open(); EngineConnection connection = engine.openStream()) {
            // closing the callback closes the response and the engine stops the build, but it kills
            // and removes the step's container only after a while: remove it at once. Dropping the
            // connection also frees docker-java's thread if the engine stopped answering.
            handle.onCancel(() -> {
                stream.closeQuietly();
                removeContainer(progress.runningContainer());
                connection.closeQuietly();
            });
            if (!handle.isCancelled()) {
                command(connection.docker(), request, tar).exec(stream);
                stream.awaitCompletion();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.closeQuietly();
            error = "interrupted";
        } catch (IOException | RuntimeException e) {
            ContextUnreadable unreadable = ContextUnreadable.in(e);
            error = stream.error != null ? stream.error
                    : unreadable != null ? unreadable.getMessage() : "build failed: " + BuildKitBuilder.message(e);
            LOG.log(System.Logger.Level.DEBUG, "classic build failed", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BuildResult result;
        if (handle.isCancelled()) {
            // the broken stream may still be delivering on its thread: leave the progress alone
            result = BuildResult.failed("cancelled", seconds, true, null);
        } else {
            progress.flush();
            String failure = error != null ? error : stream.error;
            if (failure == null && stream.imageId == null || stream.lost) {
                // the stream ended (or broke) without the image or an error: the engine hung up
                lost = true;
                failure = stream.lost ? stream.error
                        : EngineLost.message(engine.endpoint().host(), EngineLost.CLOSED_EARLY);
            }
            if (lost) {
                result = BuildResult.engineLost(failure, seconds);
            } else if (failure != null) {
                result = BuildResult.failed(failure, seconds, false, progress.failure());
            } else {
                String imageId = fullId(stream.imageId);
                listener.accept(new BuildEvent.ImageBuilt(imageId));
                result = BuildResult.ok(imageId, seconds, fullIds(progress.stageImages()));
            }
        }
        try {
            listener.accept(result.event());
        } finally {
            handle.complete(result);
        }
    }

    private void removeContainer(String id) {
        if (id == null) {
            return;
        }
        try {
            engine.call(d -> d.removeContainerCmd(id).withForce(true).exec());
        } catch (NotFoundException e) {
            LOG.log(System.Logger.Level.DEBUG, "container {0} was gone already", id);
        } catch (RuntimeException e) {
            // a removal already in progress (409), or an engine that no longer answers: it removes
            // the container itself when the build's connection drops
            LOG.log(System.Logger.Level.DEBUG, "removing container " + id + " failed", e);
        }
    }

    private static BuildImageCmd command(DockerClient docker, BuildRequest r, InputStream tar) {
        BuildImageCmd cmd = docker.buildImageCmd(tar).withDockerfilePath(r.dockerfile()).withRemove(true)
                .withForcerm(true).withNoCache(r.noCache()).withPull(r.pull());
        if (r.target() != null) {
            cmd.withTarget(r.target());
        }
        r.buildArgs().forEach(cmd::withBuildArg);
        if (r.platform() != null) {
            cmd.withPlatform(r.platform());
        }
        if (!r.tags().isEmpty()) {
            cmd.withTags(new LinkedHashSet<>(r.tags()));
        }
        if (!r.labels().isEmpty()) {
            cmd.withLabels(r.labels());
        }
        return cmd;
    }

    // the stream names images by their short ids; callers get the full ones, as BuildKit gives them
    private Map<Integer, String> fullIds(Map<Integer, String> shortIds) {
        Map<Integer, String> full = new HashMap<>();
        shortIds.forEach((stage, id) -> full.put(stage, fullId(id)));
        return full;
    }

    private String fullId(String id) {
        if (id.startsWith("sha256:")) {
            return id;
        }
        try {
            return engine.call(d -> d.inspectImageCmd(id).exec().getId());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "can't inspect image " + id + ": keeping its short id", e);
            return id;
        }
    }

    /** The engine's stream, on docker-java's stream thread. */
    private final class Stream extends ResultCallback.Adapter<BuildResponseItem> {
        private final ClassicProgress progress;
        private final BuildHandle handle;
        volatile String imageId;
        volatile String error;
        volatile boolean lost;

        Stream(ClassicProgress progress, BuildHandle handle) {
            this.progress = progress;
            this.handle = handle;
        }

        // once cancelled, what still arrives is the stream breaking, not the build failing
        @Override
        public void onNext(BuildResponseItem item) {
            if (handle.isCancelled()) {
                return;
            }
            if (item.getStream() != null) {
                progress.text(item.getStream());
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "build failed";
                progress.failed(error);
            }
            if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
                imageId = item.getImageId();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (error == null && !handle.isCancelled()) {
                ContextUnreadable unreadable = ContextUnreadable.in(t);
                if (unreadable != null) {
                    error = unreadable.getMessage();
                } else {
                    // a transport failure: the engine went away (the engine's own errors come as items)
                    lost = true;
                    error = EngineLost.message(engine.endpoint().host(), t);
                    LOG.log(System.Logger.Level.DEBUG, "build stream broke", t);
                }
                progress.failed(error);
            }
            super.onError(t);
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the build stream failed", e);
            }
        }
    }
}
