package dev.stagecraft.engine.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Builds with the engine's classic builder through docker-java's {@link BuildImageCmd}, and
 * reports each stage's last image (see {@link BuildResult#stageImages()}). Thread-safe; each build
 * runs on its own background thread (or the given executor); docker-java's stream thread calls
 * the listener.
 */
public final class ClassicBuilder extends BackgroundBuilder {
    private final DockerClient docker;

    public ClassicBuilder(DockerClient docker) {
        this(docker, BuildThreads.perBuild());
    }

    public ClassicBuilder(DockerClient docker, Executor executor) {
        super(executor);
        this.docker = docker;
    }

    @Override
    void run(BuildRequest request, TarSource context, BuildListener listener, BuildHandle handle) {
        long t0 = System.nanoTime();
        ClassicProgress progress = new ClassicProgress(listener);
        Stream stream = new Stream(progress, handle);
        String error = null;
        try (InputStream tar = context.open()) {
            // closing the callback closes the response and the engine stops the build, but it kills
            // and removes the step's container only after a while: remove it at once
            handle.onCancel(() -> {
                stream.closeQuietly();
                removeContainer(progress.runningContainer());
            });
            if (!handle.isCancelled()) {
                command(request, tar).exec(stream);
                stream.awaitCompletion();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.closeQuietly();
            error = "interrupted";
        } catch (IOException | RuntimeException e) {
            error = stream.error != null ? stream.error : "build failed: " + BuildKitBuilder.message(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BuildResult result;
        if (handle.isCancelled()) {
            // the broken stream may still be delivering on its thread: leave the progress alone
            result = BuildResult.failed("cancelled", seconds, true, null);
        } else {
            progress.flush();
            String failure = error != null ? error : stream.error;
            if (failure != null || stream.imageId == null) {
                result = BuildResult.failed(failure != null ? failure : "the engine reported no image", seconds, false,
                        progress.failure());
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
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // the engine was quicker
        } catch (RuntimeException e) {
            // a removal already in progress (409): the engine is on it
        }
    }

    private BuildImageCmd command(BuildRequest r, InputStream tar) {
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
            return docker.inspectImageCmd(id).exec().getId();
        } catch (RuntimeException e) {
            return id;
        }
    }

    /** The engine's stream, on docker-java's stream thread. */
    private static final class Stream extends ResultCallback.Adapter<BuildResponseItem> {
        private final ClassicProgress progress;
        private final BuildHandle handle;
        volatile String imageId;
        volatile String error;

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
                error = "build failed: " + BuildKitBuilder.message(t);
                progress.failed(error);
            }
            super.onError(t);
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
