package dev.stagecraft.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Reads and writes the JSON files Stagecraft keeps beside the Dockerfile text: the settings
 * ({@code $XDG_CONFIG_HOME/stagecraft/settings.json}, else {@code ~/.config/stagecraft/},
 * overridable with {@code -Dstagecraft.config}) and sidecars. A missing or unreadable file
 * gives defaults, never an exception: losing a window size must not stop an open. Blocking I/O
 * on small files; safe from any thread.
 */
public final class ProjectFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path configDir;

    public ProjectFiles(Path configDir) {
        this.configDir = configDir;
    }

    /** The default location, honouring {@code stagecraft.config} and {@code XDG_CONFIG_HOME}. */
    public static ProjectFiles standard() {
        String prop = System.getProperty("stagecraft.config");
        if (prop != null) {
            return new ProjectFiles(Paths.get(prop));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".config");
        return new ProjectFiles(base.resolve("stagecraft"));
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    public Settings loadSettings() {
        return read(settingsFile(), Settings.class, new Settings());
    }

    /** @deprecated written only when called; {@link SettingsStore#update} writes as settings change */
    @Deprecated(forRemoval = true)
    public void saveSettings(Settings s) throws IOException {
        Files.createDirectories(configDir);
        write(settingsFile(), s);
    }

    /**
     * The sidecar of {@code dockerfile}, or an empty one.
     * @deprecated per-Dockerfile state lives in the state directory: {@link StateStore#load}
     */
    @Deprecated(forRemoval = true)
    public static Sidecar loadSidecar(Path dockerfile) {
        return read(Sidecar.pathFor(dockerfile), Sidecar.class, new Sidecar());
    }

    /**
     * Writes a sidecar next to the Dockerfile, in its build context.
     * @deprecated writes into the build context; use {@link StateStore#update}
     */
    @Deprecated(forRemoval = true)
    public static void saveSidecar(Path dockerfile, Sidecar sidecar) throws IOException {
        write(Sidecar.pathFor(dockerfile), sidecar);
    }

    private static <T> T read(Path file, Class<T> type, T fallback) {
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        try {
            T value = JSON.readValue(file.toFile(), type);
            return value != null ? value : fallback;
        } catch (IOException e) {
            System.getLogger(ProjectFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "ignoring unreadable " + file + ": " + e.getMessage());
            return fallback;
        }
    }

    private static void write(Path file, Object value) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, bytes);
    }
}
