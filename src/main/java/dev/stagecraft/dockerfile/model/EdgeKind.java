package dev.stagecraft.dockerfile.model;

import java.util.Locale;

/** How one stage uses another: as its base ({@code FROM}), by {@code COPY --from}, or by {@code RUN --mount from}. */
public enum EdgeKind {
    BASE, COPY, MOUNT;

    /** The lower-case name used in JSON and by users. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
