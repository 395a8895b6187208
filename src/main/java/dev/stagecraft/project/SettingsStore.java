package dev.stagecraft.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The user's {@link Settings} in {@code $XDG_CONFIG_HOME/stagecraft/settings.json} (else
 * {@code ~/.config/stagecraft/}; {@code -Dstagecraft.config=DIR} overrides), written as they
 * change: {@link #update} takes a snapshot on the caller's thread and returns; the file is written
 * atomically within {@link #DELAY_MILLIS} on a daemon writer thread. A missing or unreadable file
 * gives defaults (logged), never an exception. Thread-safe.
 */
public final class SettingsStore implements AutoCloseable {
    /** How long after a change the settings file is written, at most. */
    public static final long DELAY_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path configDir;
    private final DebouncedWriter writer;

    public SettingsStore(Path configDir) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.writer = new DebouncedWriter("stagecraft-settings-writer", DELAY_MILLIS);
    }

    /** The default location, honouring {@code stagecraft.config} and {@code XDG_CONFIG_HOME}. */
    public static SettingsStore standard() {
        return new SettingsStore(standardDirectory());
    }

    static Path standardDirectory() {
        String prop = System.getProperty("stagecraft.config");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".config");
        return base.resolve("stagecraft");
    }

    public Path file() {
        return configDir.resolve("settings.json");
    }

    /** The settings on disk, or defaults. Blocking, small. */
    public Settings load() {
        try {
            Settings s = Json.MAPPER.readValue(Files.readAllBytes(file()), Settings.class);
            return s != null ? s : new Settings();
        } catch (NoSuchFileException e) {
            return new Settings();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring unreadable settings " + file() + ": " + StateStore.reason(e));
            return new Settings();
        }
    }

    /** Writes a snapshot of {@code settings} within the delay; the caller may go on changing its bean. */
    public void update(Settings settings) {
        byte[] snapshot;
        try {
            snapshot = Json.MAPPER.writeValueAsBytes(settings);
        } catch (JsonProcessingException e) {
            LOG.log(Level.ERROR, "cannot serialise settings", e);
            return;
        }
        writer.write(file(), () -> snapshot);
    }

    /** Blocks until every update made before the call is on disk; throws the first failure. */
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
