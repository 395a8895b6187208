package dev.stagecraft.ui.lint;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Fix;
import dev.stagecraft.lint.Fixes;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.lint.Rule;
import dev.stagecraft.lint.Rules;
import dev.stagecraft.project.Settings;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintResult;
import dev.stagecraft.ui.document.LintSettings;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.editor.EditorEdits;
import dev.stagecraft.ui.problems.Problem;
import dev.stagecraft.ui.problems.ProblemList;
import dev.stagecraft.ui.problems.ProblemsView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.fxmisc.richtext.CodeArea;

/**
 * Lint in the window: shows the document's findings in the editor (underlines, the light bulb on
 * the caret's line), in the Problems tab (with the parser's diagnostics and notes about the
 * settings) and on the graph (a findings badge per stage), and applies quick fixes (Ctrl+., the
 * bulb, the Problems row menu, Edit ▸ Fix All) as one undo step through the editor, like a graph
 * gesture. It reads each opened file's lint settings ({@code .hadolint.yaml}, the context's
 * {@code .dockerignore}) on the background pool, once per file and context, never per
 * keystroke. The profile and stage scope the user picks are kept in the settings. FX thread only.
 */
public final class LintController {
    private static final System.Logger LOG = System.getLogger(LintController.class.getName());

    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private final ProblemsView problems;
    private final Supplier<FindingBadges> badges;
    private final Settings settings;
    private final Map<String, String> env;
    private final ComboBox<Profile> profile = new ComboBox<>();
    private final CheckBox allStages = new CheckBox("All stages");
    private final ChangeListener<Path> contextChanged = (o, a, b) -> loadSettings();
    private List<StageFindings> badgesShown = List.of();
    private ObservableValue<Path> contextDir;
    private ContextMenu fixMenu;
    private RuleHelp help;
    private int loads;
    private long lastApplyNanos;

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
        this.badges = badges;
        this.settings = settings;
        this.env = env;
        this.problems = new ProblemsView(this::open);
        problems.setRowMenu(this::rowMenu);
        problemControls();
        document.lintProperty().addListener((o, a, r) -> linted(r));
        document.problems().addListener((ListChangeListener<Object>) c -> refreshProblems());
        document.lintSettingsProperty().addListener((o, a, b) -> refreshProblems());
        document.fileProperty().addListener((o, a, b) -> loadSettings());
        editor.area().currentParagraphProperty().addListener((o, a, b) -> updateBulb());
        editor.setOnBulb((line, node) -> showFixMenu(offsetOfLine(line), line + 1, node));
        linted(document.lintProperty().get());
        loadSettings();
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
        return lastApplyNanos;
    }

    // ---- settings ------------------------------------------------------------------------------

    /** The build context the user chose for this document (null in it: the Dockerfile's folder), for CopyIgnoredFile. */
    public void followContext(ObservableValue<Path> dir) {
        if (contextDir != null) {
            contextDir.removeListener(contextChanged);
        }
        contextDir = dir;
        if (dir != null) {
            dir.addListener(contextChanged);
        }
        loadSettings();
    }

    /** Reads the lint settings of the document's file on the background pool; the newest read wins. */
    private void loadSettings() {
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

    private void problemControls() {
        profile.setId("lint-profile");
        profile.getItems().setAll(Profile.values());
        profile.setCellFactory(v -> profileCell());
        profile.setButtonCell(profileCell());
        profile.setTooltip(new Tooltip("Rule set: stagecraft (hadolint's rules, BuildKit's checks and the stage-aware "
                + "rules), hadolint or buildkit"));
        allStages.setId("lint-all-stages");
        allStages.setTooltip(new Tooltip("Lint every stage, not only those the target needs"));
        Profile chosen = settings == null ? Profile.STAGECRAFT
                : Profile.parse(settings.lintProfile).orElse(Profile.STAGECRAFT);
        profile.setValue(chosen);
        allStages.setSelected(settings != null && settings.lintAllStages);
        document.setLintProfile(chosen, allStages.isSelected());
        profile.valueProperty().addListener((o, a, b) -> profileChosen());
        allStages.selectedProperty().addListener((o, a, b) -> profileChosen());
        Button explain = new Button("Explain Rule");
        explain.setId("explain-rule");
        explain.setFocusTraversable(false);
        explain.setOnAction(e -> explainRule());
        problems.addControls(profile, allStages, explain);
    }

    private void profileChosen() {
        Profile p = profile.getValue() == null ? Profile.STAGECRAFT : profile.getValue();
        if (settings != null) {
            settings.lintProfile = p.label();
            settings.lintAllStages = allStages.isSelected();
        }
        document.setLintProfile(p, allStages.isSelected());
    }

    private static ListCell<Profile> profileCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Profile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "Profile: " + p.label());
            }
        };
    }

    /** Chooses the profile and stage scope (as the Problems bar does). */
    public void setProfile(Profile p, boolean everyStage) {
        allStages.setSelected(everyStage);
        profile.setValue(p);
    }

    // ---- showing findings ----------------------------------------------------------------------

    private void linted(LintResult r) {
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

    private void refreshProblems() {
        LintResult r = document.lintProperty().get();
        LintSettings s = document.lintSettingsProperty().get();
        List<String> notes = new ArrayList<>(s == null ? List.of() : s.notes());
        if (r != null && r.failure() != null) {
            notes.add(r.failure());
        }
        problems.setProblems(ProblemList.of(document.getGraph(), r == null ? List.of() : r.findings(),
                r == null ? null : r.graph(), notes));
    }

    private void showBadges(List<StageFindings> summary) {
        badgesShown = summary;
        FindingBadges pane = badges.get();
        if (pane == null) {
            return;
        }
        for (int i = 0; i < summary.size(); i++) {
            StageFindings f = summary.get(i);
            pane.setStageFindings(i, f.count(), f.worstLabel(), f.tip());
        }
    }

    /** The window shows another graph pane (another document): it gets the badges too. */
    public void paneChanged() {
        showBadges(badgesShown);
    }

    /** The bulb shows on the caret's line while that line has findings (of the current text). */
    private void updateBulb() {
        LintResult r = document.lintProperty().get();
        if (r == null) {
            editor.setBulbLine(-1);
            return;
        }
        if (r.graph() != document.getGraph()) {
            return; // the text changed since: the next result decides
        }
        int paragraph = editor.area().getCurrentParagraph();
        boolean any = r.findings().stream().anyMatch(f -> QuickFixes.onLine(f, paragraph + 1));
        editor.setBulbLine(any ? paragraph : -1);
    }

    // ---- quick fixes ---------------------------------------------------------------------------

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
        showFixMenu(area.getCaretPosition(), area.getCurrentParagraph() + 1, null);
    }

    /** Edit ▸ Fix All of This Rule: every fix of the rule of the finding at the caret (or selected), as one change. */
    public boolean fixAllOfRule() {
        LintResult r = document.lintNow();
        Finding f = findingInFocus(r).filter(Finding::fixable)
                .or(() -> here(r).stream().filter(Finding::fixable).findFirst()).orElse(null);
        if (f == null) {
            return false;
        }
        Fix all = Fixes.fixAll(r.findings(), f.rule().id());
        return all != null && apply(all, r);
    }

    /** Help ▸ Explain Rule: the rule of the selected row or of the finding at the caret, else the first rule. */
    public void explainRule() {
        LintResult r = document.lintNow();
        Rule rule = findingInFocus(r).or(() -> here(r).stream().findFirst()).map(Finding::rule)
                .or(() -> Rules.find(problems.ruleFilter().getValue()))
                .orElse(Rules.all().get(0));
        explain(rule);
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
        return fixMenu;
    }

    /** The finding of the selected Problems row, if the list has the focus and the row is a finding. */
    private Optional<Finding> findingInFocus(LintResult r) {
        Problem p = problems.selected();
        if (p == null || !p.isFinding() || !problems.table().isFocused()) {
            return Optional.empty();
        }
        return find(r, p);
    }

    /** The finding of {@code r} a Problems row stands for (the row may come from an older text's lint). */
    private static Optional<Finding> find(LintResult r, Problem p) {
        Finding best = null;
        for (Finding f : r.findings()) {
            if (f.rule().id().equals(p.rule()) && f.line() == p.line()) {
                if (f.message().equals(p.message())) {
                    return Optional.of(f);
                }
                best = best == null ? f : best;
            }
        }
        return Optional.ofNullable(best);
    }

    private List<Finding> here(LintResult r) {
        CodeArea area = editor.area();
        return QuickFixes.at(r.findings(), area.getCaretPosition(), area.getCurrentParagraph() + 1);
    }

    private void showFixMenu(int offset, int line, Node anchor) {
        LintResult r = document.lintNow();
        List<Finding> found = QuickFixes.at(r.findings(), offset, line);
        List<MenuItem> items = items(QuickFixes.choices(found, r.findings(), r.text()), r);
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No findings here");
            none.setDisable(true);
            items.add(none);
        }
        if (fixMenu != null) {
            fixMenu.hide();
        }
        fixMenu = new ContextMenu(items.toArray(MenuItem[]::new));
        fixMenu.setId("fix-menu");
        fixMenu.getStyleClass().add("fix-menu");
        if (anchor != null) {
            fixMenu.show(anchor, Side.RIGHT, 0, 0);
            return;
        }
        CodeArea area = editor.area();
        area.requestFollowCaret();
        Optional<Bounds> caret = area.getCaretBounds();
        if (caret.isPresent()) {
            fixMenu.show(area, caret.get().getMinX(), caret.get().getMaxY());
        } else {
            fixMenu.show(area, Side.TOP, 24, 24);
        }
    }

    /** Menu items for {@code choices}, a separator between the entries of two findings' rules. */
    private List<MenuItem> items(List<FixChoice> choices, LintResult r) {
        List<MenuItem> out = new ArrayList<>();
        boolean explaining = false;
        for (FixChoice c : choices) {
            if (c.kind() == FixChoice.Kind.EXPLAIN && !explaining && !out.isEmpty()) {
                out.add(new SeparatorMenuItem());
                explaining = true;
            }
            MenuItem item = new MenuItem(c.title());
            item.setMnemonicParsing(false);
            item.getStyleClass().add("fix-" + c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> choose(c, r));
            out.add(item);
        }
        return out;
    }

    private void choose(FixChoice c, LintResult r) {
        if (c.kind() == FixChoice.Kind.EXPLAIN) {
            explain(c.finding().rule());
        } else {
            apply(c.fix(), r);
        }
    }

    /**
     * Applies a fix made against {@code r}'s text as one undo step; refuses (and logs) when the text
     * changed since, as the fix's offsets would land in the wrong place.
     */
    private boolean apply(Fix fix, LintResult r) {
        CodeArea area = editor.area();
        if (document.getGraph() != r.graph() || area.getLength() != r.text().length()) {
            LOG.log(System.Logger.Level.INFO, "quick fix '" + fix.title() + "' dropped: the text changed since it was made");
            return false;
        }
        EditorEdits.apply(area, fix.edits());
        area.requestFocus();
        return true;
    }

    private List<MenuItem> rowMenu(Problem p) {
        if (!p.isFinding()) {
            return List.of();
        }
        LintResult r = document.lintNow();
        Optional<Finding> f = find(r, p);
        if (f.isEmpty()) {
            MenuItem gone = new MenuItem("This finding is gone");
            gone.setDisable(true);
            return List.of(new SeparatorMenuItem(), gone);
        }
        List<MenuItem> out = new ArrayList<>();
        out.add(new SeparatorMenuItem());
        out.addAll(items(QuickFixes.choices(List.of(f.get()), r.findings(), r.text()), r));
        return out;
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
