package dev.stagecraft.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files the user opened, most recent first, at most {@link #LIMIT}, absolute paths without
 * duplicates. Kept by {@link StateStore}. Immutable.
 */
public record RecentFiles(List<Path> files) {
    /** How many recent files are kept. */
    public static final int LIMIT = 10;

    public RecentFiles {
        List<Path> out = new ArrayList<>();
        for (Path p : files == null ? List.<Path>of() : files) {
            if (p != null) {
                Path abs = p.toAbsolutePath().normalize();
                if (!out.contains(abs) && out.size() < LIMIT) {
                    out.add(abs);
                }
            }
        }
        files = List.copyOf(out);
    }

    public static RecentFiles empty() {
        return new RecentFiles(List.of());
    }

    /** {@code file} first, then the others; the oldest beyond the limit go. */
    public RecentFiles with(Path file) {
        List<Path> l = new ArrayList<>(files.size() + 1);
        l.add(Objects.requireNonNull(file, "file"));
        l.addAll(files);
        return new RecentFiles(l);
    }

    /** Without {@code file} (it could not be opened any more). */
    public RecentFiles without(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return new RecentFiles(files.stream().filter(p -> !p.equals(abs)).toList());
    }
}
