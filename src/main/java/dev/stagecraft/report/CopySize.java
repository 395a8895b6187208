package dev.stagecraft.report;

/** The bytes a {@code COPY --from} carried into its stage: the size of the layer it made. */
public record CopySize(int from, int to, int line, long bytes) {
}
