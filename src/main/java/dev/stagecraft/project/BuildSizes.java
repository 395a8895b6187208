package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one build measured: when, with which builder and target (null: the last stage), the image
 * bytes of each stage (key: name, else {@code #index}), of the final image (null when not known,
 * as for sizes migrated from an old sidecar), and, since builds can be compared, each stage's
 * image id and the key of the final stage (empty and null in entries written before). Immutable.
 *
 * @param images     image id ("sha256:…") per stage key
 * @param finalStage the key of the stage whose image is the final one
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BuildSizes(Instant time, String builder, String target, Map<String, Long> stages, Long finalImage,
                         Map<String, String> images, String finalStage) {
    public BuildSizes {
        stages = BuildSettings.ordered(stages);
        images = BuildSettings.ordered(images);
    }

    /** Sizes only, as builds were remembered before their images were. */
    public BuildSizes(Instant time, String builder, String target, Map<String, Long> stages, Long finalImage) {
        this(time, builder, target, stages, finalImage, null, null);
    }

    /** The final stage's image id, when this entry knows it. */
    @JsonIgnore
    public Optional<String> finalImageId() {
        return finalStage == null ? Optional.empty() : Optional.ofNullable(images.get(finalStage));
    }
}
