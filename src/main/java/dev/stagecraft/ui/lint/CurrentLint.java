package dev.stagecraft.ui.lint;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintResult;
import java.util.function.Consumer;

/**
 * The lint result of the text shown now, as the lint thread delivers it: never linted on the FX
 * thread (a 4 MB file lints for over a second). A gesture that needs the findings of exactly the
 * current text (a quick fix, Fix All, Explain) gets them at once when they are there, else waits
 * for them: one request waits at a time (a newer replaces it), and a text changed before the
 * result comes drops it, as its caret and offsets belong to the old text. FX thread only.
 */
final class CurrentLint {
    private final DocumentViewModel document;
    private StageGraph waitingFor;
    private Consumer<LintResult> whenReady;
    private Runnable whenDropped;

    CurrentLint(DocumentViewModel document) {
        this.document = document;
        document.lintProperty().addListener((o, a, r) -> arrived());
        document.graphProperty().addListener((o, a, g) -> {
            if (whenReady != null && g != waitingFor) {
                drop();
            }
        });
    }

    /** The findings of the current text and settings, or null while the lint thread is behind. */
    LintResult now() {
        LintResult r = document.lintProperty().get();
        return document.isCurrent(r) ? r : null;
    }

    /**
     * Runs {@code ready} with the current text's result: now if it is there (returns true), else
     * when the lint thread delivers it (returns false); {@code dropped} runs instead if the text
     * changes first or a newer request replaces this one.
     */
    boolean whenReady(Consumer<LintResult> ready, Runnable dropped) {
        LintResult r = now();
        if (r != null) {
            ready.accept(r);
            return true;
        }
        if (whenReady != null) {
            drop();
        }
        waitingFor = document.currentGraph(); // a large text typed in is parsed (and linted) now
        whenReady = ready;
        whenDropped = dropped;
        return false;
    }

    /** Whether a request is waiting for the lint thread. */
    boolean waiting() {
        return whenReady != null;
    }

    private void arrived() {
        LintResult r = now();
        if (whenReady == null || r == null || r.graph() != waitingFor) {
            return;
        }
        Consumer<LintResult> ready = whenReady;
        clear();
        ready.accept(r);
    }

    private void drop() {
        Runnable dropped = whenDropped;
        clear();
        if (dropped != null) {
            dropped.run();
        }
    }

    private void clear() {
        waitingFor = null;
        whenReady = null;
        whenDropped = null;
    }
}
