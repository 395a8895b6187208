package dev.stagecraft.engine.session;

import java.util.Locale;

/** Which builder runs a build: BuildKit (the default) or the classic builder. */
public enum BuilderKind {
    BUILDKIT, CLASSIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
