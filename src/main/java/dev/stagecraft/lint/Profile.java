package dev.stagecraft.lint;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rule set runs: hadolint's rules with hadolint's semantics, BuildKit's build checks with
 * BuildKit's, or Stagecraft's (both, plus the stage-aware rules, with a coarse rule turned off
 * where a Stagecraft rule refines it).
 */
public enum Profile {
    HADOLINT, BUILDKIT, STAGECRAFT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Profile> parse(String text) {
        for (Profile p : values()) {
            if (p.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
