package dev.stagecraft.engine;

/** One entry of an image's history ({@code GET /images/{id}/history}): the command and the bytes it added. Immutable. */
public record HistoryEntry(String createdBy, long size) {
}
