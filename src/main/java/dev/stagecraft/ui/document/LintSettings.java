package dev.stagecraft.ui.document;

import dev.stagecraft.lint.LintConfig;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * What lints a document besides its text, read once when its file opens (off the FX thread):
 * the {@code .hadolint.yaml} that applies (found as the command line finds it), which context
 * paths the build context's {@code .dockerignore} leaves out (null: unknown, CopyIgnoredFile stays
 * silent), and one-line notes for the user when either could not be used. {@code file} is the
 * Dockerfile these were read for (null: an untitled document). Immutable; the predicate is safe
 * to call from the lint thread.
 */
public record LintSettings(Path file, LintConfig config, Predicate<String> ignoredByContext, List<String> notes) {

    /** No config, no context: what an untitled document lints with. */
    public static final LintSettings NONE = new LintSettings(null, LintConfig.NONE, null, List.of());

    public LintSettings {
        config = config == null ? LintConfig.NONE : config;
        notes = List.copyOf(notes);
    }

    /** The options the linter runs with: the profile and stage scope the user chose, then the config and context. */
    public LintOptions options(Profile profile, boolean allStages) {
        return config.applyTo(LintOptions.of(profile).withAllStages(allStages)).withIgnoredByContext(ignoredByContext);
    }
}
