package dev.stagecraft.ui.build;

import java.time.LocalTime;

/** A finished build in the history: when, what, how, how long, how it ended, final size. Immutable. */
public record BuildRecord(LocalTime time, String target, String builder, String duration, BuildEnd end,
                          String finalSize) {

    /** "succeeded", "failed" or "cancelled". */
    public String result() {
        return end.label();
    }
}
