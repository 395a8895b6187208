package dev.stagecraft.ui.lint;

import dev.stagecraft.engine.context.DockerIgnore;
import dev.stagecraft.lint.LintConfig;
import dev.stagecraft.ui.document.LintSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads what lints a Dockerfile besides its text, as {@code stagecraft lint} does: the nearest
 * {@code .hadolint.yaml} (the Dockerfile's folder up to the repository root, then the user's), and
 * the build context's {@code .dockerignore} ({@code <Dockerfile>.dockerignore} beside the file
 * wins) for CopyIgnoredFile. What cannot be used becomes a one-line note and lint goes on without
 * it. Blocking file I/O: call it off the FX thread. Stateless.
 */
public final class LintSettingsLoader {
    private LintSettingsLoader() {
    }

    /**
     * The settings for {@code dockerfile} (absolute), with {@code context} as the build context
     * (null: the Dockerfile's folder) and {@code env} for the user's config folders.
     */
    public static LintSettings load(Path dockerfile, Path context, Map<String, String> env) {
        List<String> notes = new ArrayList<>();
        LintConfig config = LintConfig.NONE;
        try {
            Optional<Path> found = LintConfig.find(dockerfile, env);
            if (found.isPresent()) {
                config = LintConfig.read(found.get());
            }
        } catch (LintConfig.Invalid e) {
            notes.add(e.getMessage() + "; lint runs without it");
        } catch (RuntimeException e) {
            notes.add("cannot look for .hadolint.yaml: " + e.getMessage() + "; lint runs without it");
        }
        Predicate<String> ignored = dockerignore(dockerfile, context, notes);
        return new LintSettings(dockerfile, config, ignored, notes);
    }

    private static Predicate<String> dockerignore(Path dockerfile, Path context, List<String> notes) {
        Path dir = context != null ? context : dockerfile.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        Path file = Files.isRegularFile(specific) ? specific : dir.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return path -> false;
        }
        try {
            DockerIgnore rules = DockerIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
            return rules::excludes;
        } catch (IOException | RuntimeException e) {
            notes.add("cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + "; CopyIgnoredFile is not checked");
            return null;
        }
    }
}
