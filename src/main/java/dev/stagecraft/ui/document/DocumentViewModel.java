package dev.stagecraft.ui.document;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.project.DockerfileText;
import java.nio.file.Path;
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
 * The document the window shows: its text, file, unsaved state, the text as on disk, the graph
 * parsed from the current text and the last graph without errors, the problems and the target.
 * Everything else a document owns (its graph pane, build and sizes, remembered state) lives in
 * its {@link DocumentSession}. A new document replaces all of this at once ({@link #load},
 * {@link #newDocument}), so nothing of the previous one carries over. The editor reports every
 * change through {@link #textChanged}. No I/O here: files are read and written by the caller, off
 * the FX thread. Uses only JavaFX properties, so it is testable without a display. FX thread only
 * (or one test thread).
 */
public final class DocumentViewModel {
    private static final System.Logger LOG = System.getLogger(DocumentViewModel.class.getName());

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<StageGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<StageGraph> lastGoodGraph = new ReadOnlyObjectWrapper<>(this, "lastGoodGraph");
    private final ReadOnlyObjectWrapper<String> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final StringBinding title;
    /** While a file loads: its text's graph, parsed off the FX thread. */
    private StageGraph preParsed;
    private DockerfileText disk = DockerfileText.fresh("");

    public DocumentViewModel() {
        title = Bindings.createStringBinding(() -> (dirty.get() ? "\u2022 " : "") + displayName() + " \u2014 Stagecraft",
                file, dirty);
        reparse();
    }

    /** Starts an unsaved document with {@code initial} as its clean text (a template). */
    public void newDocument(String initial) {
        replace(null, DockerfileText.fresh(initial), null, null);
    }

    /**
     * Shows a file read from disk ({@code read}), with the target remembered for it (null: the
     * file's last stage). The previous document is gone entirely.
     */
    public void load(Path path, DockerfileText read, String rememberedTarget) {
        load(path, read, rememberedTarget, null);
    }

    /**
     * As {@link #load(Path, DockerfileText, String)}, with {@code parsed}, the graph of
     * {@code read}'s text parsed with the default options off the FX thread (or null): a large
     * file is then not parsed a second time on the FX thread.
     */
    public void load(Path path, DockerfileText read, String rememberedTarget, StageGraph parsed) {
        replace(path.toAbsolutePath(), read, rememberedTarget, parsed);
    }

    private void replace(Path path, DockerfileText read, String rememberedTarget, StageGraph parsed) {
        disk = read;
        file.set(path);
        target.set(rememberedTarget);
        preParsed = parsed;
        try {
            setText(read.editorText());
        } finally {
            preParsed = null;
        }
        lastGoodGraph.set(graph.get());
    }

    /**
     * The text {@code savedText} is now on disk as {@code written} at {@code path} (Save, or Save As
     * to a new path). The document stays dirty when it was edited while the write ran.
     */
    public void saved(Path path, DockerfileText written, String savedText) {
        disk = written;
        file.set(path.toAbsolutePath());
        dirty.set(!text.get().equals(written.editorText()));
        if (!savedText.equals(written.editorText())) {
            LOG.log(System.Logger.Level.WARNING, "saved text and written text differ for " + path);
        }
    }

    /** The file as it was read or last written: what Save compares against and encodes with. */
    public DockerfileText disk() {
        return disk;
    }

    /** The editor's text changed (typed or a graph gesture): re-parse and update everything. */
    public void textChanged(String newText) {
        if (!newText.equals(text.get())) {
            setText(newText);
        }
    }

    /** Chooses the target stage (null: the file's last stage). */
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

    /** Dirty first: listeners of the text see whether it is unsaved already. */
    private void setText(String t) {
        dirty.set(!t.equals(disk.editorText()));
        text.set(t);
        reparse();
    }

    private void reparse() {
        StageGraph g;
        try {
            g = preParsed != null ? preParsed : StageGraph.of(DockerfileParser.parse(text.get()), GraphOptions.DEFAULT);
            String wanted = target.get();
            if (wanted != null && g.find(wanted).isPresent()) {
                g = g.with(GraphOptions.DEFAULT.withTarget(wanted));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the parser must never fail; if it does, the text stays editable and says so
            LOG.log(System.Logger.Level.ERROR, "parsing failed", e);
            g = StageGraph.parse("");
            problems.setAll(Diagnostic.error("Stagecraft could not read this text (" + e.getClass().getSimpleName()
                    + "); the graph shows the last text it could read", new TextRange(0, 0, 1, 1, 1, 1)));
            graph.set(g);
            return;
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
