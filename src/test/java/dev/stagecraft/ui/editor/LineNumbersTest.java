package dev.stagecraft.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gutter: each line's number, one width for every line, wider when the count gains a digit. */
@ExtendWith(ApplicationExtension.class)
class LineNumbersTest extends FxRobot {
    private DockerfileEditor editor;

    @Start
    void start(Stage stage) {
        editor = new DockerfileEditor(() -> StageGraph.parse(""));
        stage.setScene(new Scene(editor, 600, 400));
        stage.show();
    }

    private List<Region> gutters() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".lineno").queryAll().stream().map(Region.class::cast)
                .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getY())).toList();
    }

    private static String number(Node gutter) {
        return gutter.lookupAll(".lineno-number").stream().map(Text.class::cast).filter(Node::isVisible)
                .findFirst().orElseThrow().getText();
    }

    @Test
    void everyLineShowsItsNumberInAGutterOfOneWidthThatGrowsWithTheDigits() {
        interact(() -> editor.setText("RUN true\n".repeat(98)));
        List<Region> before = gutters();
        assertTrue(before.size() > 5, "a screenful of lines");
        assertEquals("1", number(before.get(0)));
        assertEquals("2", number(before.get(1)));
        double width = before.get(0).getWidth();
        assertTrue(before.stream().allMatch(g -> g.getWidth() == width), "one width for lines 1 and 10");
        interact(() -> editor.area().insertText(0, "RUN more\nRUN more\n")); // 101 lines: three digits
        List<Region> after = gutters();
        for (int i = 1; i < after.size(); i++) {
            assertEquals(Integer.parseInt(number(after.get(i - 1))) + 1, Integer.parseInt(number(after.get(i))),
                    "the lines below the insert are numbered anew");
        }
        assertTrue(after.get(0).getWidth() > width, after.get(0).getWidth() + " vs " + width);
        assertTrue(after.stream().allMatch(g -> g.getWidth() == after.get(0).getWidth()));
    }
}
