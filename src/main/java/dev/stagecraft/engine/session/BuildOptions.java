package dev.stagecraft.engine.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to build: the context directory, the Dockerfile (it may lie outside the context) and,
 * optionally, its text as edited (null: as saved), the target, build args, builder and the usual
 * {@code docker build} options. Immutable.
 */
public record BuildOptions(Path context, Path dockerfile, String text, String target, Map<String, String> buildArgs,
                           BuilderKind builder, boolean noCache, boolean pull, String platform, List<String> tags,
                           Map<String, String> labels) {

    public BuildOptions {
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        builder = builder == null ? BuilderKind.BUILDKIT : builder;
    }

    /** BuildKit, the Dockerfile's folder as context, its last stage as target. */
    public static BuildOptions of(Path dockerfile) {
        Path dir = dockerfile.toAbsolutePath().getParent();
        return new BuildOptions(dir, dockerfile, null, null, Map.of(), BuilderKind.BUILDKIT, false, false, null,
                List.of(), Map.of());
    }

    public BuildOptions withText(String newText) {
        return new BuildOptions(context, dockerfile, newText, target, buildArgs, builder, noCache, pull, platform, tags, labels);
    }

    public BuildOptions withBuilder(BuilderKind kind) {
        return new BuildOptions(context, dockerfile, text, target, buildArgs, kind, noCache, pull, platform, tags, labels);
    }

    public BuildOptions withTarget(String newTarget) {
        return new BuildOptions(context, dockerfile, text, newTarget, buildArgs, builder, noCache, pull, platform, tags, labels);
    }

    public BuildOptions withContext(Path newContext) {
        return new BuildOptions(newContext, dockerfile, text, target, buildArgs, builder, noCache, pull, platform, tags, labels);
    }
}
