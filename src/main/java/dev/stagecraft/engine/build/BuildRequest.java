package dev.stagecraft.engine.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to build, in the Docker CLI's terms: {@code -f}, {@code --target}, {@code --build-arg},
 * {@code --no-cache}, {@code --pull}, {@code --platform}, {@code -t} and {@code --label}. The context
 * itself is given separately as a tar. Immutable; safe to share between threads.
 *
 * @param dockerfile the Dockerfile's path inside the context ({@code Dockerfile} if null)
 * @param target the stage to build, or null for the last one
 * @param platform e.g. {@code linux/amd64}, or null for the engine's own
 */
public record BuildRequest(String dockerfile, String target, Map<String, String> buildArgs, boolean noCache,
        boolean pull, String platform, List<String> tags, Map<String, String> labels) {

    public BuildRequest {
        dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
        target = target == null || target.isBlank() ? null : target;
        platform = platform == null || platform.isBlank() ? null : platform;
        buildArgs = buildArgs == null ? Map.of() : unmodifiableCopy(buildArgs);
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Map.of() : unmodifiableCopy(labels);
    }

    /** A build of {@code Dockerfile} at the context root, last stage, no options. */
    public static BuildRequest of(String dockerfile) {
        return new BuildRequest(dockerfile, null, Map.of(), false, false, null, List.of(), Map.of());
    }

    public BuildRequest withTarget(String stage) {
        return new BuildRequest(dockerfile, stage, buildArgs, noCache, pull, platform, tags, labels);
    }

    public BuildRequest withBuildArgs(Map<String, String> args) {
        return new BuildRequest(dockerfile, target, args, noCache, pull, platform, tags, labels);
    }

    public BuildRequest withNoCache(boolean on) {
        return new BuildRequest(dockerfile, target, buildArgs, on, pull, platform, tags, labels);
    }

    public BuildRequest withPull(boolean on) {
        return new BuildRequest(dockerfile, target, buildArgs, noCache, on, platform, tags, labels);
    }

    public BuildRequest withPlatform(String p) {
        return new BuildRequest(dockerfile, target, buildArgs, noCache, pull, p, tags, labels);
    }

    public BuildRequest withTags(List<String> t) {
        return new BuildRequest(dockerfile, target, buildArgs, noCache, pull, platform, t, labels);
    }

    public BuildRequest withLabels(Map<String, String> l) {
        return new BuildRequest(dockerfile, target, buildArgs, noCache, pull, platform, tags, l);
    }

    // keeps the caller's order (build args are shown as given) and rejects null keys and values
    private static Map<String, String> unmodifiableCopy(Map<String, String> m) {
        Map<String, String> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, () -> "no value for " + k)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
