package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Fix;
import dev.stagecraft.lint.Fixes;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.lint.Rule;
import dev.stagecraft.lint.Rules;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintResult;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.problems.Problem;
import dev.stagecraft.ui.problems.ProblemsView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tab;
import org.fxmisc.richtext.CodeArea;

/**
 * Lint in the window, wired from small parts: {@link FindingsDisplay} shows the document's
 * findings (underlines, the bulb, Problems with the parser's diagnostics, badges on the graph),
 * {@link FixMenu} offers and applies quick fixes (Ctrl+., the bulb, the Problems row menu) as one
 * undo step, {@link CurrentLint} hands those gestures the lint thread's result for the current
 * text (never linting on the FX thread), {@link LintSettingsReader} reads each file's
 * {@code .hadolint.yaml} and context on the background pool, and {@link ProfileControls} keeps
 * the profile and stage scope chosen. This class routes the menu commands and navigation.
 * FX thread only.
 */
public final class LintController {
    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private final ProblemsView problems;
    private final CurrentLint current;
    private final FindingsDisplay display;
    private final FixMenu fixes;
    private final LintSettingsReader settingsReader;
    private final ProfileControls controls;
    private RuleHelp help;

    /** Where the findings badges go: the graph pane of the document shown. */
    @FunctionalInterface
    public interface FindingBadges {
        void setStageFindings(int stage, int count, String severity, String tip);
    }

    /**
     * Lint for {@code document} shown in {@code editor}; {@code badges} gives the graph pane shown
     * now (null before there is one); {@code settings} (may be null) keeps the profile chosen.
     */
    public LintController(DocumentViewModel document, DockerfileEditor editor, Supplier<FindingBadges> badges,
                          Settings settings, Map<String, String> env) {
        this.document = document;
        this.editor = editor;
        this.problems = new ProblemsView(this::open);
        this.current = new CurrentLint(document);
        this.display = new FindingsDisplay(document, editor, problems, badges);
        this.fixes = new FixMenu(document, editor, current, this::explain);
        problems.setRowMenu(fixes::rowItems);
        this.controls = new ProfileControls(document, settings, problems, this::explainRule);
        document.lintProperty().addListener((o, a, r) -> display.linted(r));
        document.problems().addListener((ListChangeListener<Object>) c -> display.refreshProblems());
        document.lintSettingsProperty().addListener((o, a, b) -> display.refreshProblems());
        this.settingsReader = new LintSettingsReader(document, env);
        editor.area().currentParagraphProperty().addListener((o, a, b) -> display.updateBulb());
        editor.setOnBulb((line, node) -> fixes.show(offsetOfLine(line), line + 1, node));
        display.linted(document.lintProperty().get());
        settingsReader.load();
    }

    /** The Problems tab (its title counts the rows). */
    public Tab problemsTab() {
        return problems.tab();
    }

    public ProblemsView problems() {
        return problems;
    }

    /** How long showing the last lint result took on the FX thread (editor, Problems, badges), for the benchmark. */
    public long lastApplyNanos() {
        return display.lastApplyNanos();
    }

    /** The build context the user chose for this document (null in it: the Dockerfile's folder), for CopyIgnoredFile. */
    public void followContext(ObservableValue<Path> dir) {
        settingsReader.followContext(dir);
    }

    /** Chooses the profile and stage scope (as the Problems bar does). */
    public void setProfile(Profile p, boolean everyStage) {
        controls.set(p, everyStage);
    }

    /** The window shows another graph pane (another document): it gets the badges too. */
    public void paneChanged() {
        display.paneChanged();
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * Ctrl+.: the fixes of the finding selected in Problems (when the list has the focus), else of
     * the findings at the caret, in a menu at the caret.
     */
    public void quickFix() {
        Problem selected = problems.selected();
        if (selected != null && selected.isFinding() && problems.table().isFocused()) {
            problems.showMenuForSelection();
            return;
        }
        CodeArea area = editor.area();
        fixes.show(area.getCaretPosition(), area.getCurrentParagraph() + 1, null);
    }

    /**
     * Edit ▸ Fix All of This Rule: every fix of the rule of the finding at the caret (or selected),
     * as one change. Returns whether it was applied now; before the lint thread has linted the
     * text it is applied when the result comes (unless the text changes first).
     */
    public boolean fixAllOfRule() {
        boolean[] applied = {false};
        current.whenReady(r -> applied[0] = fixAll(r), () -> { });
        return applied[0];
    }

    private boolean fixAll(LintResult r) {
        Finding f = findingInFocus(r).filter(Finding::fixable)
                .or(() -> here(r).stream().filter(Finding::fixable).findFirst()).orElse(null);
        if (f == null) {
            return false;
        }
        Fix all = Fixes.fixAll(r.findings(), f.rule().id());
        return all != null && fixes.apply(all, r);
    }

    /** Help ▸ Explain Rule: the rule of the selected row or of the finding at the caret, else the first rule. */
    public void explainRule() {
        current.whenReady(r -> explain(findingInFocus(r).or(() -> here(r).stream().findFirst()).map(Finding::rule)
                .or(() -> Rules.find(problems.ruleFilter().getValue()))
                .orElse(Rules.all().get(0))), () -> { });
    }

    /** Shows the help on {@code rule}. */
    public void explain(Rule rule) {
        if (help == null) {
            help = new RuleHelp(editor.getScene().getWindow(), editor.getScene().getStylesheets());
        }
        help.show(rule);
    }

    /** The help window, or null before it was first opened. */
    public RuleHelp help() {
        return help;
    }

    /** The quick-fix menu shown last, or null. */
    public ContextMenu fixMenu() {
        return fixes.menu();
    }

    /** The finding of the selected Problems row, if the list has the focus and the row is a finding. */
    private Optional<Finding> findingInFocus(LintResult r) {
        Problem p = problems.selected();
        if (p == null || !p.isFinding() || !problems.table().isFocused()) {
            return Optional.empty();
        }
        return FixMenu.find(r, p);
    }

    private List<Finding> here(LintResult r) {
        CodeArea area = editor.area();
        return QuickFixes.at(r.findings(), area.getCaretPosition(), area.getCurrentParagraph() + 1);
    }

    // ---- navigation ----------------------------------------------------------------------------

    /** Puts the caret on a row's place (its line and column) and the focus in the editor. */
    private void open(Problem p) {
        if (p.line() <= 0) {
            return;
        }
        CodeArea area = editor.area();
        int paragraph = Math.min(p.line() - 1, area.getParagraphs().size() - 1);
        int column = Math.max(0, Math.min(p.column() - 1, area.getParagraphLength(paragraph)));
        area.moveTo(paragraph, column);
        area.requestFollowCaret();
        area.requestFocus();
    }

    private int offsetOfLine(int paragraph) {
        CodeArea area = editor.area();
        return area.getAbsolutePosition(Math.min(paragraph, area.getParagraphs().size() - 1), 0);
    }
}
