package dev.stagecraft.ui.window;

import dev.stagecraft.project.Recovery;
import dev.stagecraft.project.RecentFiles;
import dev.stagecraft.project.Settings;
import dev.stagecraft.project.SettingsStore;
import dev.stagecraft.project.StateDirectory;
import dev.stagecraft.project.StateStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the window keeps outside the Dockerfile text, opened before the window is built (off the
 * FX thread: it reads the settings, the recent files and claims a recovery session): the settings
 * and their store, per-document state and recent files, and recovery copies of unsaved text
 * ({@code recovery} is null when no session folder could be made; {@code recoveryProblem} says
 * why). {@link #close} flushes everything; call it off the FX thread when the app ends.
 */
public record WindowStores(SettingsStore settingsStore, Settings settings, StateStore state, RecentFiles recent,
                           Recovery recovery, String recoveryProblem) implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WindowStores.class.getName());

    /** The user's own: the config and state directories of this platform. Blocking. */
    public static WindowStores standard() {
        return open(SettingsStore.standard(), StateDirectory.standard());
    }

    /** Settings in {@code configDir}, state in {@code stateDir} (tests). Blocking. */
    public static WindowStores at(Path configDir, Path stateDir) {
        return open(new SettingsStore(configDir), new StateDirectory(stateDir));
    }

    private static WindowStores open(SettingsStore settingsStore, StateDirectory dir) {
        dev.stagecraft.project.Template.preload(); // New from Template then reads nothing on the FX thread
        Settings settings = settingsStore.load();
        StateStore state = new StateStore(dir);
        RecentFiles recent = state.recent();
        if (recent.files().isEmpty() && !settings.recentFiles.isEmpty()) {
            // recent files moved from the settings into the state directory
            for (int i = settings.recentFiles.size() - 1; i >= 0; i--) {
                recent = recent.with(Path.of(settings.recentFiles.get(i)));
            }
            state.updateRecent(recent);
        }
        Recovery recovery = null;
        String problem = null;
        try {
            recovery = new Recovery(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "no recovery session in " + dir.recovery(), e);
            problem = "Unsaved text cannot be kept for recovery: " + e.getMessage();
        }
        return new WindowStores(settingsStore, settings, state, recent, recovery, problem);
    }

    /** Writes everything pending and releases the recovery session. Blocking. */
    @Override
    public void close() {
        try {
            settingsStore.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "settings not written", e);
        }
        try {
            state.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "state not written", e);
        }
        settingsStore.close();
        state.close();
        if (recovery != null) {
            recovery.close();
        }
    }
}
