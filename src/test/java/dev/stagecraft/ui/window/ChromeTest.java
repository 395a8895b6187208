package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.Template;
import javafx.application.Application;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** Menus, themes, find, templates, and the window layout remembered across launches. */
class ChromeTest extends WindowTestBase {

    @Test
    void darkThemeFromTheViewMenuIsRemembered() {
        clickOn("View").clickOn("Dark Theme");
        assertTrue(window.scene().getRoot().getStyleClass().contains("theme-dark"));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertEquals("dark", window.settings().theme);
        clickOn("View").clickOn("Light Theme");
        assertTrue(window.scene().getRoot().getStyleClass().contains("theme-light"));
    }

    @Test
    void newFromTemplateReplacesTheText() {
        // submenu popups have no usable screen bounds under Monocle: fire the item the menu shows
        javafx.scene.control.MenuBar bar = lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu templates = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "New from Template".equals(i.getText())).findFirst().orElseThrow();
        interact(() -> templates.getItems().stream().filter(i -> Template.RUST.title().equals(i.getText()))
                .findFirst().orElseThrow().fire());
        assertEquals(Template.RUST.text(), text());
        assertEquals(2, window.graph().nodeCount());
        assertFalse(window.document().isDirty());
    }

    @Test
    void theFirstFrameBuildsNoControlTheUserCannotSeeYet() {
        // the find bar's text fields enter the scene when Find first opens
        assertTrue(lookup(".text-field").queryAll().isEmpty(), "a text field in the launch frame");
        // a combo box builds and styles its drop-down list (a list view, its skin and cells) with the window
        assertTrue(lookup(".list-view").queryAll().isEmpty(), "a list view in the launch frame");
        for (String id : java.util.List.of("#rule-filter", "#lint-profile")) {
            assertTrue(lookup(id).query().getLayoutBounds().getWidth() > 60, id);
        }
        clickOn(area());
        shortcut(KeyCode.F);
        assertTrue(lookup("#find-field").queryAs(javafx.scene.control.TextField.class).isFocused());
        type(KeyCode.ESCAPE);
        assertFalse(window.editor().findBar().isVisible());
        shortcut(KeyCode.H);
        assertTrue(window.editor().findBar().isVisible());
        assertTrue(lookup("#replace-field").query().isVisible());
    }

    @Test
    void aToolbarTooltipIsMadeOnTheFirstHoverAndShows() {
        javafx.scene.control.Button find = lookup(".main-toolbar .button")
                .match((javafx.scene.control.Button b) -> "Find".equals(b.getText())).query();
        assertTrue(find.getTooltip() == null, "made with the window");
        assertEquals("Find (Ctrl+F)", find.getAccessibleHelp());
        moveTo(find);
        waitUntil(() -> find.getTooltip() != null && find.getTooltip().isShowing());
        assertEquals("Find (Ctrl+F)", find.getTooltip().getText());
    }

    @Test
    void findSelectsTheNextMatch() {
        clickOn(area());
        shortcut(KeyCode.HOME);
        shortcut(KeyCode.F);
        write("useradd");
        type(KeyCode.ENTER);
        assertEquals("useradd", area().getSelectedText());
        assertEquals(text().indexOf("useradd"), area().getSelection().getStart());
    }

    @Test
    void dividersAndSizeSurviveAQuit() {
        SplitPane split = lookup("#graph-and-text").queryAs(SplitPane.class);
        interact(() -> {
            window.stage().setWidth(1000);
            split.setDividerPositions(0.3);
        });
        shortcut(KeyCode.Q);
        assertFalse(window.stage().isShowing());
        stores.close(); // as the app does when its last window closed
        stores = WindowStores.at(config.resolve("config"), config.resolve("state"));
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        assertEquals(0.3, window.settings().graphDivider, 0.02, "captured on quit");
        SplitPane again = window.scene().getRoot().lookup("#graph-and-text") instanceof SplitPane p ? p : null;
        waitUntil(() -> Math.abs(again.getDividerPositions()[0] - 0.3) < 0.02);
        assertEquals(1000, window.stage().getWidth(), 1);
    }

    @Test
    void quitWithUnsavedChangesAsksAndCancelStays() {
        clickOn(area());
        write("x");
        shortcut(KeyCode.Q);
        waitUntil(() -> lookup("Don't Save").tryQuery().isPresent());
        clickOn("Cancel");
        assertTrue(window.stage().isShowing());
        assertTrue(window.document().isDirty());
    }

    @Test
    void clickingANodePutsTheCaretOnItsFromLine() {
        javafx.scene.Node finalStage = lookup(".stage-node").match(
                (javafx.scene.Node n) -> n.lookup(".node-name") instanceof javafx.scene.text.Text l
                        && "#1".equals(l.getText())).query();
        clickOn(finalStage);
        int fromLine = window.document().getGraph().stages().get(1).line();
        assertEquals(fromLine - 1, area().getCurrentParagraph());
        assertEquals(Integer.valueOf(1), window.graph().selectedStageProperty().get());
    }
}
