package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings: window size, divider positions, theme, engine endpoint. A plain Jackson
 * bean with defaults so a missing or older file still loads; {@link SettingsStore} keeps it.
 * Mutable; owned by the FX thread.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {
    /** How many recent files are kept. */
    public static final int RECENT_LIMIT = 10;

    public double windowWidth = 1280;
    public double windowHeight = 800;
    public boolean maximized;
    /** Divider between graph and text. */
    public double graphDivider = 0.45;
    /** Divider between the top area and the bottom tabs. */
    public double bottomDivider = 0.72;
    /** {@code light} or {@code dark}. */
    public String theme = "light";
    /** The lint profile the window uses: {@code stagecraft}, {@code hadolint} or {@code buildkit}. */
    public String lintProfile = "stagecraft";
    /** Whether the window lints every stage (as {@code --all-stages}), not only those the target needs. */
    public boolean lintAllStages;
    /** The Docker engine endpoint the user chose; null for the one the Docker CLI would use. */
    public String engineHost;
    /**
     * Most recent first, absolute paths. Recent files now live in the state directory
     * ({@link StateStore#recent()}); this is read once to move an older installation's list there.
     */
    public List<String> recentFiles = new ArrayList<>();

    /** Moves {@code file} to the front of the recent files, dropping the oldest beyond the limit. */
    public void remember(String file) {
        recentFiles.remove(file);
        recentFiles.add(0, file);
        while (recentFiles.size() > RECENT_LIMIT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }
}
