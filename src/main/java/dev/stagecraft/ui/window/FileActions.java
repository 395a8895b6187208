package dev.stagecraft.ui.window;

import dev.stagecraft.project.NodePosition;
import dev.stagecraft.project.Settings;
import dev.stagecraft.project.Template;
import dev.stagecraft.ui.document.DocumentViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * New, Open, Open Recent, Save, Save As, Close and the unsaved-changes question. Reads and writes
 * inline on the FX thread: Dockerfiles are at most 10 MB and usually a few KB, and the write is
 * one atomic rename. Errors are shown to the user, never thrown. FX thread only.
 */
public final class FileActions {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final Window owner;
    private final DocumentViewModel document;
    private final DocumentSync sync;
    private final GraphPort graph;
    private final Settings settings;
    private final ObservableList<String> recent;

    public FileActions(Window owner, DocumentViewModel document, DocumentSync sync, GraphPort graph, Settings settings) {
        this.owner = owner;
        this.document = document;
        this.sync = sync;
        this.graph = graph;
        this.settings = settings;
        this.recent = FXCollections.observableArrayList(settings.recentFiles);
    }

    /** Recent files, most recent first (the Open Recent menu follows it). */
    public ObservableList<String> recentFiles() {
        return recent;
    }

    public void newFrom(Template template) {
        if (confirmDiscard()) {
            document.newDocument(template.text());
            sync.loadText();
        }
    }

    public void newEmpty() {
        if (confirmDiscard()) {
            document.newDocument("");
            sync.loadText();
        }
    }

    public void open() {
        FileChooser chooser = chooser("Open Dockerfile");
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens {@code file} after asking about unsaved changes; true when it is now open. */
    public boolean open(Path file) {
        if (!confirmDiscard()) {
            return false;
        }
        return openWithoutAsking(file);
    }

    boolean openWithoutAsking(Path file) {
        saveSidecarQuietly();
        try {
            document.open(file);
        } catch (IOException e) {
            error("Cannot open " + file.getFileName(), e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
        sync.loadText();
        remember(file);
        return true;
    }

    /** Saves (asking for a file when there is none); true when the text is on disk. */
    public boolean save() {
        if (document.fileProperty().get() == null) {
            return saveAs();
        }
        try {
            document.save(positions());
            return true;
        } catch (IOException e) {
            error("Cannot save", e.getMessage());
            return false;
        }
    }

    public boolean saveAs() {
        FileChooser chooser = chooser("Save Dockerfile");
        chooser.setInitialFileName(document.fileProperty().get() == null ? "Dockerfile"
                : document.fileProperty().get().getFileName().toString());
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return false;
        }
        try {
            document.saveAs(f.toPath(), positions());
            remember(f.toPath());
            return true;
        } catch (IOException e) {
            error("Cannot save " + f.getName(), e.getMessage());
            return false;
        }
    }

    /** Closes the document (after asking) and leaves an empty untitled one. */
    public void close() {
        if (confirmDiscard()) {
            saveSidecarQuietly();
            document.newDocument("");
            sync.loadText();
        }
    }

    /**
     * When there are unsaved changes, asks Save / Don't Save / Cancel; true when it is fine to
     * drop the current text.
     */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        Path f = document.fileProperty().get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                SAVE, DISCARD, ButtonType.CANCEL);
        AppIcons.on(a, owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to " + (f == null ? "Untitled" : f.getFileName()) + "?");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() == DISCARD || save();
    }

    /** Positions are not text: they are written to the sidecar without asking. */
    public void saveSidecarQuietly() {
        try {
            document.saveSidecar(positions());
        } catch (IOException e) {
            System.err.println("stagecraft: cannot write sidecar: " + e.getMessage());
        }
    }

    private Map<String, NodePosition> positions() {
        return graph.positions();
    }

    private void remember(Path file) {
        settings.remember(file.toAbsolutePath().toString());
        recent.setAll(settings.recentFiles);
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

    void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        AppIcons.on(a, owner);
        a.setTitle("Stagecraft");
        a.setHeaderText(header);
        a.showAndWait();
    }
}
