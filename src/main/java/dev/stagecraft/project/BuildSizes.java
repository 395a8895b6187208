package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The sizes one build measured: when, with which builder and target (null: the last stage), the
 * image bytes of each stage (key: name, else {@code #index}) and of the final image (null when not
 * known, as for sizes migrated from an old sidecar). Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildSizes(Instant time, String builder, String target, Map<String, Long> stages, Long finalImage) {
    public BuildSizes {
        stages = BuildSettings.ordered(stages);
    }
}
