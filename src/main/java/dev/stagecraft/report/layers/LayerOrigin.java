package dev.stagecraft.report.layers;

/** The Dockerfile stage (index) and line that made a layer; either may be null. Immutable. */
public record LayerOrigin(Integer stage, Integer line) {
}
