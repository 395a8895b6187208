package dev.stagecraft.project;

/** Where a stage's node sits on the graph canvas, in canvas units. Immutable. */
public record NodePosition(double x, double y) {
}
