package dev.stagecraft.report;

/** One entry of an image's history ({@code GET /images/{id}/history}), oldest first when in a list. */
public record HistoryEntry(String createdBy, long size, boolean emptyLayer) {
}
