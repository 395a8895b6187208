package dev.stagecraft.ui.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/**
 * Every gesture reachable from the keyboard, as Help ▸ Keyboard Shortcuts lists it: the menus'
 * accelerators read from the menu bar itself (so a new menu item is listed without anyone
 * remembering to), then the keys that panes handle themselves (the graph's, the text's, the
 * lists'), which no menu shows. FX thread only (it reads the menu bar).
 */
final class ShortcutTable {
    /** One line of the table: where the key works, the keys, what it does. */
    record Row(String where, String keys, String does) {
    }

    private ShortcutTable() {
    }

    /** The rows for {@code bar}'s menus, then the panes' own keys. */
    static List<Row> rows(MenuBar bar) {
        List<Row> out = new ArrayList<>();
        StringBuilder menus = new StringBuilder();
        for (Menu m : bar.getMenus()) {
            String title = m.getText().replace("_", "");
            int mnemonic = m.getText().indexOf('_');
            if (mnemonic >= 0 && mnemonic + 1 < m.getText().length()) {
                menus.append(menus.length() == 0 ? "" : ", ").append("Alt+")
                        .append(Character.toUpperCase(m.getText().charAt(mnemonic + 1)));
            }
            menuRows(m, title, out);
        }
        out.add(0, new Row("Anywhere", menus.toString(), "open the File, Edit, Stage, Build, View or Help menu; "
                + "then arrows and Enter reach every item, with or without a shortcut of its own"));
        out.addAll(PANES);
        return out;
    }

    private static void menuRows(Menu menu, String path, List<Row> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                menuRows(sub, path + " \u25B8 " + sub.getText().replace("_", ""), out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Row("Anywhere", item.getAccelerator().getDisplayText(),
                        path + " \u25B8 " + item.getText().replace("\u2026", "")));
            }
        }
    }

    /**
     * The keys panes handle themselves. The graph's are GraphKeys' (ui.graph): keep the two in step
     * when either changes.
     */
    private static final List<Row> PANES = List.of(
            new Row("Graph", "\u2190 / \u2192", "select a stage it uses / a stage that uses it"),
            new Row("Graph", "\u2191 / \u2193", "the stage above / below in its column"),
            new Row("Graph", "Enter", "put the caret on the stage's FROM line (back to the text)"),
            new Row("Graph", "F2", "rename the selected stage"),
            new Row("Graph", "Delete", "delete the selected stage (asks first)"),
            new Row("Graph", "Shift+F10, Menu", "the selected stage's menu: set target, duplicate, move, \u2026"),
            new Row("Graph", "+ / - / 0", "zoom in / zoom out / fit"),
            new Row("Graph", "Ctrl+K, or type a name", "Find Stage: name, part of one, base image or #3"),
            new Row("Graph", "\u2191 / \u2193, Enter, Esc", "in Find Stage: other matches, done, back"),
            new Row("Graph", "Esc", "clear the selection"),
            new Row("Text", "Ctrl+Space", "complete: keywords, stage names after --from=, in FROM and in --mount from="),
            new Row("Text", "\u2191 / \u2193, Enter, Esc", "in the completion list: choose, insert, close"),
            new Row("Text", "Enter / Esc", "in Find: next match / close the find bar"),
            new Row("Bottom tabs", "\u2190 / \u2192", "on the tab headers: Problems, Build, Sizes"),
            new Row("Bottom tabs", "Ctrl+Tab / Ctrl+Shift+Tab", "the next / previous tab"),
            new Row("Problems", "Enter", "put the caret on the selected problem's line"),
            new Row("Build log", "Ctrl+C", "copy the selected lines (Shift+\u2191/\u2193 select more)"),
            new Row("Dialogs", "Enter / Esc", "the default button / cancel"),
            new Row("Anywhere", "Tab / Shift+Tab", "the next / previous control (in the text, Tab types a tab: "
                    + "Ctrl+1 and Ctrl+3 leave it)"));
}
