package dev.stagecraft.ui.document;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.project.NodePosition;
import dev.stagecraft.project.ProjectFiles;
import dev.stagecraft.project.Sidecar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open document: its text, file, unsaved state, the graph parsed from the current text and
 * the last graph without errors, the problems, the sidecar. The editor reports every change
 * through {@link #textChanged}; everything else is derived here. Uses only JavaFX properties, so
 * it is testable without a display. FX thread only (or one test thread).
 */
public final class DocumentViewModel {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<StageGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<StageGraph> lastGoodGraph = new ReadOnlyObjectWrapper<>(this, "lastGoodGraph");
    private final ReadOnlyObjectWrapper<String> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final StringBinding title;
    private DockerfileText disk = DockerfileText.fresh("");
    private Sidecar sidecar = new Sidecar();
    private boolean sizesChanged;

    public DocumentViewModel() {
        title = Bindings.createStringBinding(() -> (dirty.get() ? "\u2022 " : "") + displayName() + " \u2014 Stagecraft",
                file, dirty);
        reparse();
    }

    /** Starts an unsaved document with {@code initial} as its clean text (a template). */
    public void newDocument(String initial) {
        disk = DockerfileText.fresh(initial);
        sidecar = new Sidecar();
        sizesChanged = false;
        file.set(null);
        target.set(null);
        setText(initial);
        lastGoodGraph.set(graph.get());
    }

    /** Opens {@code path}; on failure (refused or unreadable) the current document is unchanged. */
    public void open(Path path) throws IOException {
        DockerfileText read = DockerfileText.read(path);
        disk = read;
        sidecar = ProjectFiles.loadSidecar(path);
        sizesChanged = false;
        file.set(path.toAbsolutePath());
        target.set(sidecar.target());
        setText(read.editorText());
        lastGoodGraph.set(graph.get());
    }

    /** Saves to the current file: the text atomically, then the sidecar with {@code positions}. */
    public void save(Map<String, NodePosition> positions) throws IOException {
        Path f = file.get();
        if (f == null) {
            throw new IllegalStateException("no file: use saveAs");
        }
        disk = disk.write(f, text.get());
        dirty.set(false);
        saveSidecar(positions);
    }

    public void saveAs(Path path, Map<String, NodePosition> positions) throws IOException {
        file.set(path.toAbsolutePath());
        save(positions);
    }

    /** Writes the sidecar (positions and target) when they changed and the document has a file. */
    public void saveSidecar(Map<String, NodePosition> positions) throws IOException {
        if (file.get() == null) {
            return;
        }
        boolean samePositions = positions == null || positions.equals(sidecar.positions());
        if (samePositions && java.util.Objects.equals(target.get(), sidecar.target()) && !sizesChanged) {
            return; // nothing new: do not litter directories with sidecars of files only looked at
        }
        if (positions != null) {
            sidecar.setPositions(positions);
        }
        sidecar.setTarget(target.get());
        ProjectFiles.saveSidecar(file.get(), sidecar);
        sizesChanged = false;
    }

    /** The editor's text changed (typed or a graph gesture): re-parse and update everything. */
    public void textChanged(String newText) {
        if (!newText.equals(text.get())) {
            setText(newText);
        }
    }

    /** Chooses the target stage; remembered in the sidecar on save. */
    public void setTarget(Stage stage) {
        target.set(stage == null ? null : stage.reference());
        reparse();
    }

    /** A stage was renamed: a target naming it follows. */
    public void stageRenamed(String oldReference, String newName) {
        if (oldReference != null && oldReference.equalsIgnoreCase(target.get())) {
            target.set(newName);
        }
    }

    /** Image bytes per stage key from the last build of this file (sidecar), empty if none. */
    public Map<String, Long> lastBuildSizes() {
        return sidecar.sizes();
    }

    /** Remembers a build's sizes per stage key; written with the sidecar on the next save or close. */
    public void rememberBuildSizes(Map<String, Long> sizes) {
        if (!sizes.equals(sidecar.sizes())) {
            sidecar.setSizes(sizes);
            sizesChanged = true;
        }
    }

    /** Node positions as last saved or opened. */
    public Map<String, NodePosition> savedPositions() {
        return sidecar.positions();
    }

    private void setText(String t) {
        text.set(t);
        dirty.set(!t.equals(disk.editorText()));
        reparse();
    }

    private void reparse() {
        StageGraph g = StageGraph.of(DockerfileParser.parse(text.get()), GraphOptions.DEFAULT);
        String wanted = target.get();
        if (wanted != null && g.find(wanted).isPresent()) {
            g = g.with(GraphOptions.DEFAULT.withTarget(wanted));
        }
        if (!g.hasErrors()) {
            lastGoodGraph.set(g); // first, so listeners of graph see the matching last good graph
        }
        graph.set(g);
        if (!problems.equals(g.diagnostics())) {
            problems.setAll(g.diagnostics());
        }
    }

    private String displayName() {
        Path f = file.get();
        return f == null ? "Untitled" : f.getFileName().toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The graph of the current text, errors and all. */
    public ReadOnlyObjectProperty<StageGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public StageGraph getGraph() {
        return graph.get();
    }

    /**
     * The latest graph parsed without errors: what the graph pane shows while the text is broken.
     * A document that opens with errors starts from its own graph (there is no better one).
     */
    public ReadOnlyObjectProperty<StageGraph> lastGoodGraphProperty() {
        return lastGoodGraph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ObservableList<Diagnostic> problems() {
        return problemsView;
    }

    public StringBinding titleProperty() {
        return title;
    }
}
