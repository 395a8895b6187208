package dev.stagecraft.ui.sizes;

/** A layer in the Sizes table: its size as shown, the instruction that made it, its line (null: the base image's). */
public record LayerRow(long bytes, String size, String instruction, Integer line) {
}
