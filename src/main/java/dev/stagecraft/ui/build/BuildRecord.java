package dev.stagecraft.ui.build;

import java.time.LocalTime;

/** A finished build in the session history: when, what, how, how long, how it ended, final size. Immutable. */
public record BuildRecord(LocalTime time, String target, String builder, String duration, String result,
                          String finalSize) {
}
