package dev.stagecraft.ui.build;

import java.util.Locale;

/**
 * The state a build step or a stage shows in the Build tab and on its graph node. {@link #css()} is
 * the state's name in the style sheets ({@code state-running} on a node). Immutable.
 */
public enum StepState {
    WAITING, RUNNING, CACHED, DONE, FAILED;

    /** {@code waiting}, {@code running}, ...: the word the tables show and the graph's style name. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing more will happen to a step in this state. */
    public boolean finished() {
        return this == CACHED || this == DONE || this == FAILED;
    }

    @Override
    public String toString() {
        return css();
    }
}
