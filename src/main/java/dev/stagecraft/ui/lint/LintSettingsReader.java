package dev.stagecraft.ui.lint;

import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Reads the lint settings of the document's file ({@code .hadolint.yaml}, the build context's
 * {@code .dockerignore}) on the background pool, once per file and context, never per keystroke;
 * the newest read wins, and one that fails becomes a note in Problems. FX thread only.
 */
final class LintSettingsReader {
    private static final System.Logger LOG = System.getLogger(LintSettingsReader.class.getName());

    private final DocumentViewModel document;
    private final Map<String, String> env;
    private final ChangeListener<Path> contextChanged = (o, a, b) -> load();
    private ObservableValue<Path> contextDir;
    private int loads;

    LintSettingsReader(DocumentViewModel document, Map<String, String> env) {
        this.document = document;
        this.env = env;
        document.fileProperty().addListener((o, a, b) -> load());
    }

    /** The build context the user chose (null in it: the Dockerfile's folder), for CopyIgnoredFile. */
    void followContext(ObservableValue<Path> dir) {
        if (contextDir != null) {
            contextDir.removeListener(contextChanged);
        }
        contextDir = dir;
        if (dir != null) {
            dir.addListener(contextChanged);
        }
        load();
    }

    /** Reads the settings of the document's file on the background pool; the newest read wins. */
    void load() {
        Path file = document.fileProperty().get();
        if (file == null) {
            return; // an untitled document lints without a config or a context
        }
        Path context = contextDir == null ? null : contextDir.getValue();
        int ticket = ++loads;
        Background.supply(() -> LintSettingsLoader.load(file, context, env)).whenCompleteAsync((s, failure) -> {
            if (ticket != loads) {
                return;
            }
            LintSettings read = s;
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the lint settings of " + file, failure);
                read = new LintSettings(file, null, null, List.of("cannot read the lint settings of "
                        + file.getFileName() + " (" + failure + "); lint runs without them"));
            }
            document.setLintSettings(read);
        }, UiThread.executor());
    }
}
