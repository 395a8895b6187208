package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Severity;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.editor.DockerfileEditor;
import java.util.Optional;

/**
 * Keeps the panes in step with the document: the editor, and the graph pane of the document's
 * session ({@link #attach}, when the window shows another document). Every editor change goes to the view model, which
 * re-parses (on the FX thread: well under a millisecond); the new graph restyles the editor and,
 * when error-free, replaces the graph pane's graph. With errors the pane keeps the last good
 * graph (positions untouched, no flicker) and shows a problem marker. The caret's stage is
 * selected in the graph, and a selected node puts the caret on its FROM line. FX thread only.
 */
public final class DocumentSync {
    static final String NO_STAGES = "No stages yet: type FROM <image> AS <name>, or use Stage \u25b8 Add Stage\u2026";
    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private GraphPort graph;
    private final javafx.beans.value.ChangeListener<Integer> selection = (o, old, stage) -> stageSelected(stage);
    private boolean syncingSelection;
    /** The editor is being given the document's own text ({@link #attach}): no change for the document. */
    private boolean showingDocument;
    private StageGraph lastShown;
    private int shownTarget = -1;
    private String shownSignature;
    private String shownProblem;

    public DocumentSync(DocumentViewModel document, DockerfileEditor editor) {
        this.document = document;
        this.editor = editor;
        editor.area().multiPlainChanges().subscribe(this::edited);
        document.graphProperty().addListener((o, old, g) -> showGraph(g));
        editor.area().caretPositionProperty().addListener((o, old, caret) -> caretMoved(caret));
    }

    /**
     * Stops showing the document in any pane: the window is about to load another document, whose
     * graph must never reach the pane of the one before.
     */
    public void detach() {
        if (graph != null) {
            graph.selectedStageProperty().removeListener(selection);
            graph = null;
        }
    }

    /**
     * Shows the document in {@code pane} from now on (another document's session), and loads the
     * document's text into the editor as a fresh history.
     */
    public void attach(GraphPort pane) {
        detach();
        graph = pane;
        graph.selectedStageProperty().addListener(selection);
        lastShown = null;
        shownTarget = -1;
        shownSignature = pane.shownGraph() == null ? null : GraphSignature.of(pane.shownGraph());
        shownProblem = null;
        showingDocument = true;
        try {
            editor.setText(document.getText());
        } finally {
            showingDocument = false;
        }
        showGraph(document.getGraph());
    }

    /**
     * The editor's text changed: a large text is read when needed ({@link DocumentViewModel#textEdited});
     * otherwise the document gets the new text now.
     */
    private void edited(java.util.List<org.fxmisc.richtext.model.PlainTextChange> changes) {
        if (showingDocument || changes.stream().allMatch(c -> c.getRemoved().equals(c.getInserted()))) {
            return; // the document's own text given to the editor, or the same text again: nothing changed
        }
        if (document.defersEditsOf(editor.area().getLength())) {
            document.textEdited(editor.area()::getText);
        } else if (document.editsPending()) {
            document.textChanged(editor.area().getText()); // the document's text lags the area's: no splicing
        } else {
            document.textChanged(textAfter(changes));
        }
    }

    /**
     * The new text: a single typed change is applied to the known text (cheaper than asking the
     * area to concatenate 2,000 paragraphs per keystroke); anything else asks the area.
     */
    private String textAfter(java.util.List<org.fxmisc.richtext.model.PlainTextChange> changes) {
        String before = document.getText();
        if (changes.size() == 1) {
            org.fxmisc.richtext.model.PlainTextChange c = changes.get(0);
            int end = c.getPosition() + c.getRemoved().length();
            if (end <= before.length() && before.startsWith(c.getRemoved(), c.getPosition())
                    && before.length() + c.getNetLength() == editor.area().getLength()) {
                return before.substring(0, c.getPosition()) + c.getInserted() + before.substring(end);
            }
        }
        return editor.area().getText();
    }

    private void showGraph(StageGraph g) {
        editor.show(g);
        if (graph == null) {
            return;
        }
        StageGraph shown = document.lastGoodGraphProperty().get();
        if (shown != null && shown != lastShown) {
            lastShown = shown;
            String signature = GraphSignature.of(shown);
            if (!signature.equals(shownSignature)) {
                shownSignature = signature;
                graph.setGraph(shown);
            }
            if (shown.target() != shownTarget) {
                shownTarget = shown.target();
                graph.setTarget(shownTarget);
            }
        }
        Diagnostic first = g.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElse(null);
        Integer stage = first == null ? null : g.stageAt(first.range().start()).map(Stage::index).orElse(null);
        String message = first == null ? null : "Line " + first.line() + ": " + first.message();
        if (g.stages().isEmpty() && (shown == null || shown.stages().isEmpty())) {
            message = NO_STAGES; // a new, empty document: an invitation, not an error banner
        }
        String problem = stage + ":" + message;
        if (!problem.equals(shownProblem)) {
            shownProblem = problem;
            graph.setProblem(stage, message);
        }
    }

    private void caretMoved(int caret) {
        if (syncingSelection || graph == null) {
            return;
        }
        StageGraph g = document.getGraph(); // typing in a large text: the stage as last parsed
        if (g.hasErrors() || document.parsePending()) {
            return;
        }
        Integer stage = g.stageAt(caret).map(Stage::index).orElse(null); // null: before the first FROM
        if (!java.util.Objects.equals(stage, graph.selectedStageProperty().get())) {
            syncingSelection = true;
            try {
                graph.select(stage);
            } finally {
                syncingSelection = false;
            }
        }
    }

    private void stageSelected(Integer stage) {
        if (syncingSelection || stage == null) {
            return;
        }
        StageGraph shown = document.lastGoodGraphProperty().get();
        Optional<Stage> s = Optional.ofNullable(shown).filter(g -> stage < g.stages().size()).map(g -> g.stages().get(stage));
        if (s.isEmpty()) {
            return;
        }
        Optional<Stage> current = document.getGraph().stageAt(editor.area().getCaretPosition());
        if (current.map(Stage::index).filter(stage::equals).isPresent()) {
            return; // the caret is already inside that stage
        }
        syncingSelection = true;
        try {
            editor.goToLine(s.get().line());
        } finally {
            syncingSelection = false;
        }
    }
}
