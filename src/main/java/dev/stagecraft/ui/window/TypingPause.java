package dev.stagecraft.ui.window;

import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs the latest task it was given once no new one has come for {@link #QUIET}: the window
 * parses a large text when typing pauses ({@code DocumentViewModel#deferParsesOfLargeTexts}).
 * FX thread only.
 */
final class TypingPause implements Consumer<Runnable> {
    /** How long after the last keystroke: shorter than a reader notices, longer than between keys. */
    static final Duration QUIET = Duration.millis(250);
    private final PauseTransition pause = new PauseTransition(QUIET);

    @Override
    public void accept(Runnable task) {
        pause.setOnFinished(e -> task.run());
        pause.playFromStart();
    }
}
