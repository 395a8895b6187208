package dev.stagecraft.ui.window;

import dev.stagecraft.project.ChangedOnDiskException;
import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.project.RecoveredBuffer;
import dev.stagecraft.project.Template;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.document.DocumentViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

/**
 * New, Open, Open Recent, Save, Save As, Close, Restore and the unsaved-changes question. Files
 * are read and written on the background pool; the window changes only when a read has fully
 * succeeded (so a file that cannot be opened leaves the current document exactly as it was) and
 * the document records a save only when the write succeeded. When several opens overlap, the last
 * one asked for wins. Errors are shown to the user, never thrown. Methods that may take a while
 * return a future completed on the FX thread. FX thread only.
 */
public final class FileActions {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    static final ButtonType OVERWRITE = new ButtonType("Overwrite", ButtonBar.ButtonData.YES);
    private static final System.Logger LOG = System.getLogger(FileActions.class.getName());

    private final MainWindow window;
    private final DocumentViewModel document;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private int opening;

    FileActions(MainWindow window) {
        this.window = window;
        this.document = window.document();
        window.stores().recent().files().forEach(p -> recent.add(p.toString()));
    }

    /** Recent files, most recent first (the Open Recent menu follows it). */
    public ObservableList<String> recentFiles() {
        return recent;
    }

    public CompletableFuture<Boolean> newFrom(Template template) {
        return confirmDiscard().thenApply(ok -> {
            if (ok) {
                window.showUntitled(template.text());
            }
            return ok;
        });
    }

    public CompletableFuture<Boolean> newEmpty() {
        return confirmDiscard().thenApply(ok -> {
            if (ok) {
                window.showUntitled("");
            }
            return ok;
        });
    }

    public void open() {
        FileChooser chooser = chooser("Open Dockerfile");
        File f = chooser.showOpenDialog(window.stage());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens {@code file} after asking about unsaved changes; true when it is now open. */
    public CompletableFuture<Boolean> open(Path file) {
        return confirmDiscard().thenCompose(ok -> ok ? openWithoutAsking(file) : CompletableFuture.completedFuture(false));
    }

    /** Reads {@code file} in the background, then shows it; the current document stays if it can't be read. */
    CompletableFuture<Boolean> openWithoutAsking(Path file) {
        int ticket = ++opening;
        window.stopRehearsal();
        return Background.supply(() -> OpenedFile.read(file, window.stores().state()))
                .handleAsync((opened, failure) -> {
                    if (ticket != opening) {
                        return false; // another open came after this one
                    }
                    if (failure != null) {
                        error("Cannot open " + file.getFileName(), reason(failure));
                        return false;
                    }
                    window.showFile(opened, null);
                    remember(opened.path());
                    opened.state().migrated().ifPresent(note -> window.notices().show("migrated", note, java.util.List.of()));
                    offerToDeleteLeftovers(opened.path());
                    return true;
                }, UiThread.executor());
    }

    /**
     * Temporary files an interrupted save left beside {@code file} lie in the build context (a
     * `COPY . .` would ship them): looked for in the background, offered for deletion in a notice.
     */
    private void offerToDeleteLeftovers(Path file) {
        Background.supply(() -> dev.stagecraft.project.DockerfileText.saveLeftovers(file)).thenAcceptAsync(found -> {
            if (found.isEmpty() || !file.equals(window.document().fileProperty().get())) {
                return;
            }
            String names = found.stream().map(p -> p.getFileName().toString()).limit(3)
                    .collect(java.util.stream.Collectors.joining(", ")) + (found.size() > 3 ? ", …" : "");
            window.notices().show("save-leftovers", (found.size() == 1 ? "A save" : "Saves")
                    + " interrupted earlier left " + (found.size() == 1 ? "a temporary file" : found.size()
                    + " temporary files") + " beside " + file.getFileName() + " (" + names
                    + "); the build context would include " + (found.size() == 1 ? "it" : "them") + ".",
                    java.util.List.of(new Notices.Action("Delete", () -> Background.executor().execute(() -> {
                        for (Path p : found) {
                            try {
                                java.nio.file.Files.deleteIfExists(p);
                            } catch (java.io.IOException e) {
                                LOG.log(System.Logger.Level.WARNING, "cannot delete " + p, e);
                            }
                        }
                    })), new Notices.Action("Keep", () -> { })));
        }, UiThread.executor());
    }

    /**
     * Restores unsaved text left by a session that ended without saving it: the file it belonged to
     * is opened with that text, unsaved (nothing is written until the user saves).
     */
    public CompletableFuture<Boolean> restore(RecoveredBuffer buffer) {
        return confirmDiscard().thenCompose(ok -> {
            if (!ok) {
                return CompletableFuture.completedFuture(false);
            }
            if (buffer.file() == null || !java.nio.file.Files.exists(buffer.file())) {
                window.showUntitled("");
                window.showRecovered(buffer, null);
                return CompletableFuture.completedFuture(true);
            }
            int ticket = ++opening;
            return Background.supply(() -> OpenedFile.read(buffer.file(), window.stores().state()))
                    .handleAsync((opened, failure) -> {
                        if (ticket != opening) {
                            return false;
                        }
                        if (failure != null) {
                            window.showUntitled("");
                            window.showRecovered(buffer, null);
                            return true;
                        }
                        window.showFile(opened, buffer);
                        remember(opened.path());
                        return true;
                    }, UiThread.executor());
        });
    }

    /** Saves (asking for a file when there is none); true when the text is on disk. */
    public CompletableFuture<Boolean> save() {
        Path f = document.fileProperty().get();
        if (f == null) {
            return saveAs();
        }
        return write(f, false, false);
    }

    public CompletableFuture<Boolean> saveAs() {
        FileChooser chooser = chooser("Save Dockerfile");
        Path now = document.fileProperty().get();
        chooser.setInitialFileName(now == null ? "Dockerfile" : now.getFileName().toString());
        File f = chooser.showSaveDialog(window.stage());
        if (f == null) {
            return CompletableFuture.completedFuture(false);
        }
        return saveAs(f.toPath());
    }

    /** Save As {@code target}: the document moves there only when the write succeeded. */
    public CompletableFuture<Boolean> saveAs(Path target) {
        Path now = document.fileProperty().get();
        boolean same = now != null && now.equals(target.toAbsolutePath());
        return write(target.toAbsolutePath(), !same, false);
    }

    /**
     * Writes the text as it is now to {@code file}: the disk state the document was read at decides
     * the bytes (BOM, line ends); a file changed on disk since is not overwritten without asking.
     */
    private CompletableFuture<Boolean> write(Path file, boolean moving, boolean force) {
        String text = document.getText();
        DockerfileText disk = document.disk();
        DocumentSession session = window.session();
        return Background.supply(() -> force || moving ? disk.overwrite(file, text) : disk.write(file, text))
                .handleAsync((written, failure) -> {
                    if (failure == null) {
                        if (window.session() == session) {
                            window.saved(file, written, text, moving);
                            remember(file);
                        }
                        return CompletableFuture.completedFuture(true);
                    }
                    Throwable cause = unwrap(failure);
                    if (cause instanceof ChangedOnDiskException) {
                        return askOverwrite(file).thenCompose(yes -> yes ? write(file, moving, true)
                                : CompletableFuture.completedFuture(false));
                    }
                    error("Cannot save " + file.getFileName(), reason(cause));
                    return CompletableFuture.completedFuture(false);
                }, UiThread.executor())
                .thenCompose(f -> f);
    }

    private CompletableFuture<Boolean> askOverwrite(Path file) {
        Alert a = new Alert(Alert.AlertType.WARNING, file + " changed on disk since Stagecraft read it (another "
                + "editor, a git checkout). Overwrite it with the text here, or cancel and keep the file as it is?",
                OVERWRITE, ButtonType.CANCEL);
        AppIcons.on(a, window.stage());
        a.setTitle("File changed on disk");
        a.setHeaderText(file.getFileName() + " changed on disk");
        return CompletableFuture.completedFuture(a.showAndWait().filter(OVERWRITE::equals).isPresent());
    }

    /** Closes the document (after asking) and leaves an empty untitled one. */
    public CompletableFuture<Boolean> close() {
        return confirmDiscard().thenApply(ok -> {
            if (ok) {
                window.showUntitled("");
            }
            return ok;
        });
    }

    /**
     * When there are unsaved changes, asks Save / Don't Save / Cancel; completes with true when it
     * is fine to drop the current text (after a successful save, when the user chose Save).
     */
    public CompletableFuture<Boolean> confirmDiscard() {
        if (!document.isDirty()) {
            return CompletableFuture.completedFuture(true);
        }
        Path f = document.fileProperty().get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                SAVE, DISCARD, ButtonType.CANCEL);
        AppIcons.on(a, window.stage());
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to " + (f == null ? "Untitled" : f.getFileName()) + "?");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return CompletableFuture.completedFuture(false);
        }
        if (answer.get() == DISCARD) {
            window.discarded();
            return CompletableFuture.completedFuture(true);
        }
        return save();
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath();
        window.rememberRecent(abs);
        recent.remove(abs.toString());
        recent.add(0, abs.toString());
        while (recent.size() > dev.stagecraft.project.RecentFiles.LIMIT) {
            recent.remove(recent.size() - 1);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path f = document.fileProperty().get();
        if (f != null && f.getParent() != null) {
            chooser.setInitialDirectory(f.getParent().toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Dockerfiles", "Dockerfile", "*.Dockerfile", "*.dockerfile", "Dockerfile.*"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** One line for the user; anything unexpected is logged in full. */
    static String reason(Throwable failure) {
        Throwable t = unwrap(failure);
        if (!(t instanceof java.io.IOException)) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure", t);
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        AppIcons.on(a, window.stage());
        a.setTitle("Stagecraft");
        a.setHeaderText(header);
        a.showAndWait();
    }
}
