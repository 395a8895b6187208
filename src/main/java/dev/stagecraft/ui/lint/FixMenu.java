package dev.stagecraft.ui.lint;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Fix;
import dev.stagecraft.lint.Rule;
import dev.stagecraft.ui.document.DocumentViewModel;
import dev.stagecraft.ui.document.LintResult;
import dev.stagecraft.ui.editor.DockerfileEditor;
import dev.stagecraft.ui.editor.EditorEdits;
import dev.stagecraft.ui.problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.fxmisc.richtext.CodeArea;

/**
 * The quick-fix menu (Ctrl+., the light bulb, a Problems row's menu) and applying a fix as one
 * undo step through the editor. The menu is made from the lint thread's result for the current
 * text: when that is not there yet, it opens saying so and fills in when it comes. FX thread only.
 */
final class FixMenu {
    private static final System.Logger LOG = System.getLogger(FixMenu.class.getName());
    static final String WAITING = "Linting\u2026";

    private final DocumentViewModel document;
    private final DockerfileEditor editor;
    private final CurrentLint current;
    private final Consumer<Rule> explain;
    private ContextMenu menu;

    FixMenu(DocumentViewModel document, DockerfileEditor editor, CurrentLint current, Consumer<Rule> explain) {
        this.document = document;
        this.editor = editor;
        this.current = current;
        this.explain = explain;
    }

    /** The menu shown last, or null. */
    ContextMenu menu() {
        return menu;
    }

    /** The fixes of the findings at {@code offset} on {@code line}, in a menu at the caret or beside {@code anchor}. */
    void show(int offset, int line, Node anchor) {
        ContextMenu[] waiting = {null};
        boolean now = current.whenReady(r -> {
            List<MenuItem> items = itemsAt(r, offset, line);
            if (waiting[0] == null) {
                open(items, anchor);
            } else if (waiting[0] == menu && menu.isShowing()) {
                menu.getItems().setAll(items);
            }
        }, () -> {
            if (waiting[0] != null) {
                waiting[0].hide();
            }
        });
        if (!now) {
            waiting[0] = open(List.of(disabled(WAITING)), anchor);
        }
    }

    /** The entries a Problems row's menu adds for its finding (none for a parser row). */
    List<MenuItem> rowItems(Problem p) {
        if (!p.isFinding()) {
            return List.of();
        }
        LintResult r = current.now();
        if (r == null) {
            return List.of(new SeparatorMenuItem(), disabled(WAITING));
        }
        Optional<Finding> f = find(r, p);
        if (f.isEmpty()) {
            return List.of(new SeparatorMenuItem(), disabled("This finding is gone"));
        }
        List<MenuItem> out = new ArrayList<>();
        out.add(new SeparatorMenuItem());
        out.addAll(items(QuickFixes.choices(List.of(f.get()), r.findings(), r.text()), r));
        return out;
    }

    /**
     * Applies a fix made against {@code r}'s text as one undo step; refuses (and logs) when the text
     * changed since, as the fix's offsets would land in the wrong place.
     */
    boolean apply(Fix fix, LintResult r) {
        CodeArea area = editor.area();
        if (!document.isCurrent(r) || area.getLength() != r.text().length()) {
            LOG.log(System.Logger.Level.INFO, "quick fix '" + fix.title() + "' dropped: the text changed since it was made");
            return false;
        }
        EditorEdits.apply(area, fix.edits());
        area.requestFocus();
        return true;
    }

    /** The finding of {@code r} a Problems row stands for (the row may come from an older text's lint). */
    static Optional<Finding> find(LintResult r, Problem p) {
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

    private List<MenuItem> itemsAt(LintResult r, int offset, int line) {
        List<Finding> found = QuickFixes.at(r.findings(), offset, line);
        List<MenuItem> items = items(QuickFixes.choices(found, r.findings(), r.text()), r);
        if (items.isEmpty()) {
            items.add(disabled("No findings here"));
        }
        return items;
    }

    private ContextMenu open(List<MenuItem> items, Node anchor) {
        if (menu != null) {
            menu.hide();
        }
        menu = new ContextMenu(items.toArray(MenuItem[]::new));
        menu.setId("fix-menu");
        menu.getStyleClass().add("fix-menu");
        if (anchor != null) {
            menu.show(anchor, Side.RIGHT, 0, 0);
            return menu;
        }
        CodeArea area = editor.area();
        area.requestFollowCaret();
        Optional<Bounds> caret = area.getCaretBounds();
        if (caret.isPresent()) {
            menu.show(area, caret.get().getMinX(), caret.get().getMaxY());
        } else {
            menu.show(area, Side.TOP, 24, 24);
        }
        return menu;
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
            item.getStyleClass().add("fix-" + c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> choose(c, r));
            out.add(item);
        }
        return out;
    }

    private void choose(FixChoice c, LintResult r) {
        if (c.kind() == FixChoice.Kind.EXPLAIN) {
            explain.accept(c.finding().rule());
        } else {
            apply(c.fix(), r);
        }
    }

    private static MenuItem disabled(String text) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        item.setDisable(true);
        return item;
    }
}
