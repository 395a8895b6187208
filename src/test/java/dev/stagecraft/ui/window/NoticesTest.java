package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

/**
 * A notice shown again as it is (a file changed on disk twice) keeps its row and buttons, so a
 * click already under way lands, and its buttons run the newest actions; a changed notice
 * replaces the old one in its place.
 */
class NoticesTest extends WindowTestBase {
    private final List<String> ran = new ArrayList<>();

    private Notices.Action action(String label, String tag) {
        return new Notices.Action(label, () -> ran.add(tag));
    }

    private Button button(String noticeId, String label) {
        return lookup("#" + noticeId + " .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theSameNoticeAgainKeepsItsButtonsAndRunsTheNewestAction() {
        interact(() -> {
            window.notices().show("first", "One.", List.of(action("Go", "first")));
            window.notices().show("disk", "The file changed.", List.of(action("Reload", "old")));
        });
        Button before = button("disk", "Reload");
        interact(() -> window.notices().show("disk", "The file changed.", List.of(action("Reload", "new"))));
        assertSame(before, button("disk", "Reload"), "the same button");
        clickOn(before);
        assertEquals(List.of("new"), ran);
        assertEquals(0, lookup("#disk").queryAll().size(), "the notice goes after its action");
    }

    @Test
    void aChangedNoticeReplacesTheOldInItsPlace() {
        interact(() -> {
            window.notices().show("a", "First.", List.of());
            window.notices().show("b", "Second.", List.of(action("Do", "b")));
            window.notices().show("c", "Third.", List.of());
        });
        Button before = button("b", "Do");
        interact(() -> window.notices().show("b", "Second, changed.", List.of(action("Do", "b2"))));
        assertNotSame(before, button("b", "Do"));
        List<String> order = new ArrayList<>();
        interact(() -> {
            for (Node n : window.notices().getChildren()) {
                order.add(n.getId());
            }
        });
        assertEquals(List.of("a", "b", "c"), order.subList(order.indexOf("a"), order.indexOf("a") + 3));
    }
}
