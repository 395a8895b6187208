package dev.stagecraft.ui.window;

import dev.stagecraft.project.DocumentState;
import dev.stagecraft.project.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The documents a window has shown: a session per file (by real path), kept for the window's life
 * so that going back to a file shows it as it was (its pane, its Build tab and Sizes), up to
 * {@link #KEPT} files; untitled documents are never kept. A new session gets its own graph pane.
 * FX thread only.
 */
final class Sessions {
    /** How many files' sessions stay in memory; the least recently shown idle one goes first. */
    static final int KEPT = 8;

    private final Supplier<GraphPort> panes;
    private final StateStore store;
    private final Map<Path, DocumentSession> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private Consumer<DocumentSession> onCreate = s -> { };

    Sessions(Supplier<GraphPort> panes, StateStore store) {
        this.panes = panes;
        this.store = store;
    }

    /** Runs for every new session (the build panel wires its graph states). */
    void onCreate(Consumer<DocumentSession> wiring) {
        onCreate = wiring;
    }

    DocumentSession untitled() {
        DocumentSession s = new DocumentSession(panes.get(), store, null, DocumentState.empty());
        onCreate.accept(s);
        return s;
    }

    /** The session of the file whose real path is {@code key}: the one shown before, else a new one from {@code state}. */
    DocumentSession forFile(Path key, Path file, DocumentState state) {
        DocumentSession s = byKey.get(key);
        if (s == null) {
            s = new DocumentSession(panes.get(), store, file, state);
            onCreate.accept(s);
            byKey.put(key, s);
            trim();
        }
        return s;
    }

    /** Save As: {@code s} is now about {@code file} (real path {@code key}). */
    void moved(DocumentSession s, Path key, Path file) {
        byKey.values().remove(s);
        DocumentSession other = byKey.remove(key);
        if (other != null && other != s) {
            other.build().cancel();
        }
        byKey.put(key, s);
        s.movedTo(file);
    }

    /** Cancels every running build (the window closes). */
    void stopBuilds() {
        byKey.values().forEach(s -> s.build().cancel());
    }

    private void trim() {
        if (byKey.size() <= KEPT) {
            return;
        }
        List<Path> idle = new ArrayList<>();
        byKey.forEach((k, s) -> {
            if (!s.build().runningProperty().get()) {
                idle.add(k);
            }
        });
        for (int i = 0; i < idle.size() - 1 && byKey.size() > KEPT; i++) {
            byKey.remove(idle.get(i)); // the most recently shown (last) stays
        }
    }
}
