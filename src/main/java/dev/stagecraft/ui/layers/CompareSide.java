package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.project.BuildSizes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One side of a comparison: a build from the document's history (its stages' images), or any
 * image by tag or id. Immutable.
 */
public record CompareSide(String label, BuildSizes build, String image) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** A build of the history; {@code number} counts back from the newest (1). */
    public static CompareSide of(BuildSizes b, int number) {
        String fin = b.finalImage() == null ? "" : ", final " + ByteSize.format(b.finalImage());
        String when = b.time() == null ? "" : " " + WHEN.format(b.time());
        return new CompareSide("build " + number + when + fin, b, null);
    }

    /** An image by tag or id, as the user typed it. */
    public static CompareSide image(String ref) {
        return new CompareSide(ref.strip(), null, ref.strip());
    }

    /** Whether this side is a build whose stage images are known (older history entries keep sizes only). */
    public boolean hasImages() {
        return build != null && !build.images().isEmpty();
    }

    /** The image to compare for a stage key (a build's), or the image itself. */
    public String imageFor(String stageKey) {
        if (build == null) {
            return image;
        }
        String key = stageKey != null && build.images().containsKey(stageKey) ? stageKey : build.finalStage();
        return key == null ? null : build.images().get(key);
    }

    @Override
    public String toString() {
        return label;
    }
}
