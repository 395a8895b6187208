package dev.stagecraft.project;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Unsaved text a Stagecraft process left behind when it ended without saving (crash, kill, power
 * loss): which file it was editing (null for an untitled buffer), the text as the editor showed
 * it, when it was last copied, and whether the file on disk changed since the buffer was read
 * (then restoring it over the file would lose those changes). Offer it as unsaved text, never
 * write it over the file unasked. Immutable.
 */
public record RecoveredBuffer(String id, Path file, String text, Instant savedAt, boolean fileChangedSince) {
}
