package dev.stagecraft.ui.document;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.project.DockerfileText;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * parsed from the current text and the last graph without errors, the problems, the target, and
 * the lint findings of the current text ({@link #lintProperty}).
 * Everything else a document owns (its graph pane, build and sizes, remembered state) lives in
 * its {@link DocumentSession}. A new document replaces all of this at once ({@link #load},
 * {@link #newDocument}), so nothing of the previous one carries over. The editor reports every
 * change through {@link #textChanged}. No I/O here: files are read and written by the caller, off
 * the FX thread, and so are the lint settings ({@link #setLintSettings}). Uses only JavaFX
 * properties, so it is testable without a display. FX thread only (or one test thread).
 *
 * <p>Lint: every new graph is handed to a {@link LintRunner} with the options of the document's
 * settings and the profile chosen; a result is kept only while its graph is still the current one
 * and its options the current ones, so a late result for an older text is dropped. Until the
 * settings of an opened file are known (its {@code .hadolint.yaml}, its context's
 * {@code .dockerignore}) nothing is linted, so the user never sees findings the config hides.
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
    private final LintRunner linter;
    private final ReadOnlyObjectWrapper<LintResult> lint = new ReadOnlyObjectWrapper<>(this, "lint");
    private final ReadOnlyObjectWrapper<LintSettings> lintSettings =
            new ReadOnlyObjectWrapper<>(this, "lintSettings", LintSettings.NONE);
    private Profile profile = Profile.STAGECRAFT;
    private boolean allStages;
    private LintOptions lintOptions;
    /** While a file loads: its text's graph, parsed off the FX thread. */
    private StageGraph preParsed;
    /** Runs a parse when typing pauses ({@link #deferParsesOfLargeTexts}); null: every change is parsed at once. */
    private Consumer<Runnable> typingPause;
    /** The text changed and was not parsed yet (a large text while the user types). */
    private boolean stale;
    /** Reads the editor's text after changes not read yet ({@link #textEdited}); null: {@link #text} is current. */
    private Supplier<String> pendingText;
    /** When the oldest change not read yet was made ({@link #clock}). */
    private long pendingSince;
    /** The time in nanoseconds (tests set their own). */
    java.util.function.LongSupplier clock = System::nanoTime;
    private DockerfileText disk = DockerfileText.fresh("");

    /** A document that lints on the calling thread (tests, tools). */
    public DocumentViewModel() {
        this(LintRunner.direct());
    }

    /** A document whose text is linted by {@code linter}. */
    public DocumentViewModel(LintRunner linter) {
        this.linter = linter;
        lintOptions = LintSettings.NONE.options(profile, allStages);
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
        pendingText = null; // the editor's text is this one's from now on
        disk = read;
        LintSettings known = lintSettings.get();
        if (path == null) {
            setLintSettingsNow(LintSettings.NONE);
        } else if (known == null || !path.equals(known.file())) {
            setLintSettingsNow(null); // pending: the caller reads them for this file
        }
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
        readPending();
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

    /**
     * The editor's text changed (typed or a graph gesture): re-parse and update everything. A text
     * over {@link #DEFERRED_PARSE_CHARS} is parsed when typing pauses if {@link #deferParsesOfLargeTexts}
     * was asked for (until then the graph, problems and lint are those of the text before; whoever
     * asks {@link #currentGraph} gets the text parsed first).
     */
    public void textChanged(String newText) {
        boolean wasPending = pendingText != null;
        pendingText = null; // newText is the editor's text: it supersedes what was not read yet
        if (!wasPending && newText.equals(text.get())) {
            return;
        }
        if (typingPause != null && newText.length() > DEFERRED_PARSE_CHARS) {
            take(newText);
            stale = true;
            typingPause.accept(this::parseNow);
        } else {
            setText(newText);
        }
    }

    /**
     * Above this many characters a keystroke is not parsed at once when parses are deferred: a
     * 5 MB file's parse, graph and lint take a few hundred milliseconds, which typing would feel.
     */
    public static final int DEFERRED_PARSE_CHARS = 512 * 1024;

    /** Whether a change giving a text of {@code length} characters goes through {@link #textEdited}. */
    public boolean defersEditsOf(int length) {
        return typingPause != null && length > DEFERRED_PARSE_CHARS;
    }

    /**
     * A change to a large text ({@link #defersEditsOf}) held by the editor, whose text
     * {@code current} reads: the text is read when typing pauses (then parsed) or when first asked
     * for ({@link #getText}, a save, a gesture), not on every keystroke: making a 5 MB string per
     * keystroke made the collector run a cycle over the whole heap every few keystrokes. Until it
     * is read the document counts as unsaved, {@link #textProperty} holds the text as last read,
     * and the graph is the one before ({@link #parsePending}). Typing without a pause (a key held
     * down) has its text read at least every {@link #READ_AT_LEAST_EVERY}, so that the text's
     * listeners (the recovery copy) never lag it by more.
     */
    public void textEdited(Supplier<String> current) {
        if (pendingText == null) {
            pendingSince = clock.getAsLong();
        }
        pendingText = current;
        dirty.set(true);
        stale = true;
        typingPause.accept(this::parseNow);
        if (clock.getAsLong() - pendingSince >= READ_AT_LEAST_EVERY.toNanos()) {
            readPending(); // the parse still waits for the pause
        }
    }

    /** The longest a large text's edits stay unread while typing goes on without a pause. */
    public static final java.time.Duration READ_AT_LEAST_EVERY = java.time.Duration.ofSeconds(2);

    /** Whether the editor holds changes not read yet ({@link #textEdited}). */
    public boolean editsPending() {
        return pendingText != null;
    }

    /** Reads the text {@link #textEdited} left unread; the text's listeners then see it. */
    private void readPending() {
        Supplier<String> current = pendingText;
        if (current == null) {
            return;
        }
        pendingText = null;
        take(current.get());
    }

    /**
     * From now on, changes to a text over {@link #DEFERRED_PARSE_CHARS} are parsed when {@code pause}
     * runs the parse it is given (the window: when typing pauses), not on every keystroke.
     */
    public void deferParsesOfLargeTexts(Consumer<Runnable> pause) {
        typingPause = pause;
    }

    /** Parses the text now if a change to a large text has not been parsed yet. */
    public void parseNow() {
        readPending();
        if (stale) {
            reparse();
        }
    }

    /** Whether the graph lags the text (a large text being typed in; see {@link #textChanged}). */
    public boolean parsePending() {
        return stale;
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

    private void setText(String t) {
        take(t);
        reparse();
    }

    /** {@code t} is the text now; dirty first: listeners of the text see whether it is unsaved already. */
    private void take(String t) {
        dirty.set(!t.equals(disk.editorText()));
        text.set(t);
    }

    private void reparse() {
        readPending();
        stale = false;
        StageGraph g;
        try {
            // a keystroke re-reads the text from the edited instruction on (the parse before it is kept)
            StageGraph previous = graph.get();
            g = preParsed != null ? preParsed : StageGraph.of(previous == null ? DockerfileParser.parse(text.get())
                    : DockerfileParser.reparse(previous.tree(), text.get()), GraphOptions.DEFAULT);
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
            lint.set(null); // the findings of an empty text would not be about this one
            return;
        }
        if (!g.hasErrors()) {
            lastGoodGraph.set(g); // first, so listeners of graph see the matching last good graph
        }
        graph.set(g);
        if (!problems.equals(g.diagnostics())) {
            problems.setAll(g.diagnostics());
        }
        relint();
    }

    // ---- lint ----------------------------------------------------------------------------------

    /**
     * The settings read for this document's file (off the FX thread, by the caller). Ignored when
     * they were read for another file than the one shown now (the user opened another meanwhile).
     */
    public void setLintSettings(LintSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (Objects.equals(settings.file(), file.get())) {
            setLintSettingsNow(settings);
            relint();
        }
    }

    private void setLintSettingsNow(LintSettings settings) {
        lintSettings.set(settings);
        lintOptions = settings == null ? null : settings.options(profile, allStages);
    }

    /** The settings lint runs with; null while an opened file's are being read. */
    public ReadOnlyObjectProperty<LintSettings> lintSettingsProperty() {
        return lintSettings.getReadOnlyProperty();
    }

    /** Chooses the rule set and whether every stage is linted or only those the target needs (as {@code --all-stages}). */
    public void setLintProfile(Profile newProfile, boolean everyStage) {
        profile = Objects.requireNonNull(newProfile, "profile");
        allStages = everyStage;
        setLintSettingsNow(lintSettings.get());
        relint();
    }

    public Profile lintProfile() {
        return profile;
    }

    public boolean lintsAllStages() {
        return allStages;
    }

    private void relint() {
        LintOptions options = lintOptions;
        if (options == null) {
            lint.set(null);
            return;
        }
        linter.submit(graph.get(), options, this::linted);
    }

    private void linted(LintResult result) {
        if (result.graph() == graph.get() && result.options() == lintOptions) {
            lint.set(result);
        }
    }

    /**
     * The latest findings: those of the current text, or, while a newer text is being linted off
     * the FX thread, those of the text before (its ranges then refer to that text). Null while
     * the settings are being read.
     */
    public ReadOnlyObjectProperty<LintResult> lintProperty() {
        return lint.getReadOnlyProperty();
    }

    /** Whether {@code r} is the lint of the current text with the current settings (a quick fix must apply to the text it was made from). */
    public boolean isCurrent(LintResult r) {
        return r != null && !stale && r.graph() == graph.get() && r.options() == lintOptions;
    }

    private String displayName() {
        Path f = file.get();
        return f == null ? "Untitled" : f.getFileName().toString();
    }

    /** The text as last read: while a large text's edits are not read yet ({@link #textEdited}), the one before them. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The current text (read from the editor first if a large text's edits were not read yet). */
    public String getText() {
        readPending();
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

    /**
     * The graph parsed last. While typing in a large text is not parsed yet ({@link #parsePending})
     * it is the text before's: to make an edit from it, use {@link #currentGraph}.
     */
    public StageGraph getGraph() {
        return graph.get();
    }

    /** The graph of the current text, parsed first if typing in a large text left it behind. FX thread. */
    public StageGraph currentGraph() {
        parseNow();
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
