package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The build options the user chose for one Dockerfile, as the Build form shows them: the builder
 * ({@code "buildkit"} or {@code "classic"}), {@code --build-arg}s in the user's order, no-cache,
 * pull, platform (null: the engine's), tags, labels and the context folder (absolute path; null:
 * the Dockerfile's folder). The target is kept in {@link DocumentState#target()}. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildSettings(String builder, Map<String, String> buildArgs, boolean noCache, boolean pull,
                            String platform, List<String> tags, Map<String, String> labels, String contextDir) {

    public static final String BUILDKIT = "buildkit";
    public static final String CLASSIC = "classic";
    public static final BuildSettings DEFAULT = new BuildSettings(BUILDKIT, Map.of(), false, false, null, List.of(),
            Map.of(), null);

    public BuildSettings {
        builder = builder == null || builder.isBlank() ? BUILDKIT : builder;
        buildArgs = ordered(buildArgs);
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        labels = ordered(labels);
    }

    public BuildSettings withBuilder(String b) {
        return new BuildSettings(b, buildArgs, noCache, pull, platform, tags, labels, contextDir);
    }

    public BuildSettings withBuildArgs(Map<String, String> args) {
        return new BuildSettings(builder, args, noCache, pull, platform, tags, labels, contextDir);
    }

    public BuildSettings withNoCache(boolean b) {
        return new BuildSettings(builder, buildArgs, b, pull, platform, tags, labels, contextDir);
    }

    public BuildSettings withPull(boolean b) {
        return new BuildSettings(builder, buildArgs, noCache, b, platform, tags, labels, contextDir);
    }

    public BuildSettings withPlatform(String p) {
        return new BuildSettings(builder, buildArgs, noCache, pull, p, tags, labels, contextDir);
    }

    public BuildSettings withTags(List<String> t) {
        return new BuildSettings(builder, buildArgs, noCache, pull, platform, t, labels, contextDir);
    }

    public BuildSettings withLabels(Map<String, String> l) {
        return new BuildSettings(builder, buildArgs, noCache, pull, platform, tags, l, contextDir);
    }

    public BuildSettings withContextDir(String dir) {
        return new BuildSettings(builder, buildArgs, noCache, pull, platform, tags, labels, dir);
    }

    /** An unmodifiable copy keeping the order, without null keys or values. */
    static <V> Map<String, V> ordered(Map<String, V> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, V> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
