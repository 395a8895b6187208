package dev.stagecraft.engine;

import java.util.List;

/** An image's id, its size as {@code docker image inspect} reports it, and its history, oldest first. Immutable. */
public record ImageInfo(String id, long size, List<HistoryEntry> history) {
    public ImageInfo {
        history = List.copyOf(history);
    }
}
