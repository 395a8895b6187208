package dev.stagecraft.project;

/** The graph pane's zoom (1 = 100 %) and pan, in canvas units. Immutable. */
public record Viewport(double zoom, double panX, double panY) {
}
