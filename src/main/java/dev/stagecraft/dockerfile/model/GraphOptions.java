package dev.stagecraft.dockerfile.model;

import java.util.Map;

/**
 * What a build would be asked for: the target stage (name or index; null for the last stage),
 * {@code --build-arg} values, and the target platform ({@code os/arch[/variant]}; null for the
 * host's). Immutable.
 */
public record GraphOptions(String target, Map<String, String> buildArgs, String platform) {
    public static final GraphOptions DEFAULT = new GraphOptions(null, Map.of(), null);

    public GraphOptions {
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
    }

    public GraphOptions withTarget(String newTarget) {
        return new GraphOptions(newTarget, buildArgs, platform);
    }
}
