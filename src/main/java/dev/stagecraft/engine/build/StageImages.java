package dev.stagecraft.engine.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each stage's own image under BuildKit, which exports only the target's: after the target
 * build, every stage the caller needs is built again as {@code --target <stage>} with the same
 * context and arguments, so the cache serves it and nothing runs twice. Stages are named as in
 * {@code --target}: BuildKit cannot target an unnamed stage by its index, so name such stages in a
 * copy of the Dockerfile sent beside the original ({@link ContextWithFile}) and build that copy.
 * Blocking: call off the FX thread; interrupting the caller cancels the build that runs.
 */
public final class StageImages {
    private StageImages() {
    }

    /** Stage name to image id, in the order given; fails on the first stage that does not build. */
    public static Map<String, String> build(ImageBuilder builder, BuildRequest request, List<String> stages,
            TarSource context, BuildListener listener) throws InterruptedException, BuildFailedException {
        return build(builder, request, stages, context, listener, h -> {
        });
    }

    /**
     * As {@link #build(ImageBuilder, BuildRequest, List, TarSource, BuildListener)}, handing each
     * build to {@code started} as it starts, so that the caller can cancel the one that runs.
     */
    public static Map<String, String> build(ImageBuilder builder, BuildRequest request, List<String> stages,
            TarSource context, BuildListener listener, Consumer<BuildHandle> started)
            throws InterruptedException, BuildFailedException {
        Map<String, String> images = new LinkedHashMap<>();
        for (String stage : stages) {
            // tags belong to the target image only
            BuildHandle h = builder.start(request.withTarget(stage).withTags(List.of()), context, listener);
            started.accept(h);
            BuildResult r;
            try {
                r = h.await();
            } catch (InterruptedException e) {
                h.cancel();
                throw e;
            }
            if (!r.success()) {
                throw new BuildFailedException(stage, r);
            }
            images.put(stage, r.imageId());
        }
        return images;
    }
}
