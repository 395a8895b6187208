package dev.stagecraft.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Where Stagecraft keeps what is not Dockerfile text: per-Dockerfile state ({@link #documents()}),
 * recovery copies of unsaved text ({@link #recovery()}), recent files and the log
 * ({@link #logs()}). Never next to a Dockerfile: that folder is usually a build context. Folders
 * are created on first write, not here. Immutable; any thread.
 */
public record StateDirectory(Path root) {

    /** The system property that overrides the location (tests, portable installs). */
    public static final String PROPERTY = "stagecraft.state";

    public StateDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * {@code -Dstagecraft.state=DIR}, else {@code $XDG_STATE_HOME/stagecraft}, else on macOS
     * {@code ~/Library/Application Support/Stagecraft}, on Windows {@code %LOCALAPPDATA%\Stagecraft},
     * elsewhere {@code ~/.local/state/stagecraft}.
     */
    public static StateDirectory standard() {
        return of(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home"));
    }

    /** {@link #standard()} from explicit inputs, so every branch can be tested. */
    static StateDirectory of(String property, Map<String, String> env, String osName, String home) {
        if (property != null && !property.isBlank()) {
            return new StateDirectory(Paths.get(property));
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
            return new StateDirectory(Paths.get(xdg, "stagecraft"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new StateDirectory(Paths.get(home, "Library", "Application Support", "Stagecraft"));
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Paths.get(local) : Paths.get(home, "AppData", "Local");
            return new StateDirectory(base.resolve("Stagecraft"));
        }
        return new StateDirectory(Paths.get(home, ".local", "state", "stagecraft"));
    }

    /** One JSON file per Dockerfile, named by a hash of its real path. */
    public Path documents() {
        return root.resolve("documents");
    }

    /** One folder per running Stagecraft process, holding copies of its unsaved buffers. */
    public Path recovery() {
        return root.resolve("recovery");
    }

    /** {@code stagecraft.log} and its rotated predecessors. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** The recent-files list. */
    public Path recentFile() {
        return root.resolve("recent.json");
    }

    /** The state file of {@code dockerfile} (which need not exist yet). Touches the disk to resolve it. */
    public Path documentFile(Path dockerfile) {
        return documentFileOf(realPath(dockerfile));
    }

    /** The state file for a path {@link #realPath} already gave. No disk access. */
    Path documentFileOf(Path realPath) {
        return documents().resolve(hash(realPath.toString()).substring(0, 32) + ".json");
    }

    /**
     * The path a Dockerfile is known by: symlinks resolved; for a file that does not exist yet,
     * its folder's real path plus its name; for a missing folder, the absolute normalised path.
     * Never throws: a path that cannot be resolved is its own key.
     */
    public static Path realPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                return abs.toRealPath();
            }
            if (Files.isSymbolicLink(abs)) {
                // a dangling link: key by where it points, which is where Save writes
                Path target = Files.readSymbolicLink(abs);
                return realPath(abs.resolveSibling(target));
            }
            Path parent = abs.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return parent.toRealPath().resolve(abs.getFileName());
            }
        } catch (IOException | SecurityException e) {
            // unreadable link or folder: fall through to the path as given
        }
        return abs;
    }

    static String hash(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
