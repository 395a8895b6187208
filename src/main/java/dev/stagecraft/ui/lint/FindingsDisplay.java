package dev.stagecraft.ui.lint;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintResult;
import dev.stagecraft.ui.document.LintSettings;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.problems.ProblemList;
import dev.stagecraft.ui.problems.ProblemsView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shows a lint result where the user looks: underlines in the editor, Problems rows (with the
 * parser's diagnostics and notes about the settings), a findings badge per stage on the graph, and
 * the light bulb on the caret's line. FX thread only.
 */
final class FindingsDisplay {
    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private final ProblemsView problems;
    private final Supplier<LintController.FindingBadges> badges;
    private List<StageFindings> badgesShown = List.of();
    private long lastApplyNanos;

    FindingsDisplay(DocumentViewModel document, DockerfileEditor editor, ProblemsView problems,
                    Supplier<LintController.FindingBadges> badges) {
        this.document = document;
        this.editor = editor;
        this.problems = problems;
        this.badges = badges;
    }

    /** Shows {@code r} (null: no findings known). */
    void linted(LintResult r) {
        long start = System.nanoTime();
        StageGraph current = document.getGraph();
        editor.showFindings(r == null ? current.tree() : r.graph().tree(), r == null ? List.of() : r.findings());
        refreshProblems();
        StageGraph shown = document.lastGoodGraphProperty().get();
        if (r == null) {
            showBadges(StageFindings.of(shown == null ? 0 : shown.stages().size(), List.of()));
        } else if (r.graph() == shown) { // the pane shows this graph: its stage indexes are the findings'
            showBadges(StageFindings.of(shown.stages().size(), r.findings()));
        }
        updateBulb();
        lastApplyNanos = System.nanoTime() - start;
    }

    /** How long showing the last result took on the FX thread, for the benchmark. */
    long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** The Problems rows again, from the graph's diagnostics, the latest findings and the settings' notes. */
    void refreshProblems() {
        LintResult r = document.lintProperty().get();
        LintSettings s = document.lintSettingsProperty().get();
        List<String> notes = new ArrayList<>(s == null ? List.of() : s.notes());
        if (r != null && r.failure() != null) {
            notes.add(r.failure());
        }
        problems.setProblems(ProblemList.of(document.getGraph(), r == null ? List.of() : r.findings(),
                r == null ? null : r.graph(), notes));
    }

    /** The window shows another graph pane (another document): it gets the badges too. */
    void paneChanged() {
        showBadges(badgesShown);
    }

    private void showBadges(List<StageFindings> summary) {
        badgesShown = summary;
        LintController.FindingBadges pane = badges.get();
        if (pane == null) {
            return;
        }
        for (int i = 0; i < summary.size(); i++) {
            StageFindings f = summary.get(i);
            pane.setStageFindings(i, f.count(), f.worstLabel(), f.tip());
        }
    }

    /** The bulb shows on the caret's line while that line has findings (of the current text). */
    void updateBulb() {
        LintResult r = document.lintProperty().get();
        if (r == null) {
            editor.setBulbLine(-1);
            return;
        }
        if (r.graph() != document.getGraph() || document.parsePending()) {
            return; // the text changed since: the next result decides
        }
        int paragraph = editor.area().getCurrentParagraph();
        boolean any = r.findings().stream().anyMatch(f -> QuickFixes.onLine(f, paragraph + 1));
        editor.setBulbLine(any ? paragraph : -1);
    }
}
