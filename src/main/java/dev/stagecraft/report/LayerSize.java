package dev.stagecraft.report;

/** A layer of a stage's image: its size, the command that made it, and its Dockerfile line (null if not this stage's). */
public record LayerSize(long size, String createdBy, Integer line) {
}
