package dev.stagecraft.ui.layers;

/** A history entry's "created by" as a user reads it in a table. Pure. */
final class Instructions {
    private Instructions() {
    }

    /** "/bin/sh -c #(nop) COPY file:… in /" → "COPY file:… in /"; BuildKit's "RUN /bin/sh -c x # buildkit" → "RUN x". */
    static String shorten(String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            return "(base image)";
        }
        String s = createdBy.replaceFirst("^/bin/sh -c #\\(nop\\)\\s*", "").replaceFirst("^/bin/sh -c ", "RUN ")
                .replaceFirst("^RUN /bin/sh -c ", "RUN ").replaceFirst("\\s*# buildkit$", "")
                .replaceAll("\\s+", " ").strip();
        return s.length() <= 160 ? s : s.substring(0, 159) + "\u2026";
    }
}
