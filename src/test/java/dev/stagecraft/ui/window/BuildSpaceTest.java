package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Build tab in a 1000 × 800 window with the room a first build makes: the steps and the log
 * get the space (the options fold into a bar), no column header is cut to "Bui…", and the folded
 * options say what is set. No engine needed: this is the layout before and around a build.
 */
class BuildSpaceTest extends WindowTestBase {
    private void buildTabAtAThousandPixels() {
        setText("FROM busybox AS build\nARG VERSION=1\nRUN true\nFROM build AS final\n");
        interact(() -> {
            window.stage().setWidth(1000);
            window.stage().setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            window.bottomTabs().getSelectionModel().select(window.builds().buildTab());
            window.revealBottom(BuildPanel.BUILD_ROOM);
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> window.scene().getRoot().layout());
    }

    @Test
    void theStepsAndTheLogGetTheSpace() {
        buildTabAtAThousandPixels();
        TableView<?> steps = lookup("#build-steps").queryAs(TableView.class);
        ListView<?> log = lookup("#build-log").queryAs(ListView.class);
        assertFalse(lookup(".build-options").query().isVisible(), "the options start folded");
        // a row is about 24 px: at least three step rows under the header, and five log lines
        javafx.scene.layout.BorderPane view = (javafx.scene.layout.BorderPane) lookup(".build-view").query();
        String sizes = "tabs " + window.bottomTabs().getHeight() + ", tab " + view.getHeight() + ", top "
                + ((javafx.scene.layout.Region) view.getTop()).getHeight() + ", steps " + steps.getHeight();
        assertTrue(steps.getHeight() >= 95, sizes);
        assertTrue(log.getHeight() >= 120, "log " + log.getHeight() + " px");
        assertTrue(steps.getWidth() >= 600, "the steps are most of the width: " + steps.getWidth());
    }

    @Test
    void noColumnHeaderIsCut() {
        buildTabAtAThousandPixels();
        for (String table : new String[] {"#build-steps", "#build-history", "#build-args"}) {
            for (Node n : lookup(table).query().lookupAll(".column-header .label")) {
                Label header = (Label) n;
                Text drawn = (Text) header.lookup(".text");
                assertEquals(header.getText(), drawn.getText(), "the header of " + table + " is cut");
            }
        }
    }

    @Test
    void theOptionsOpenAndTheirFoldedTitleSaysWhatIsSet() {
        buildTabAtAThousandPixels();
        ToggleButton toggle = lookup("#build-options-toggle").queryAs(ToggleButton.class);
        clickOn(toggle);
        assertTrue(lookup(".build-options").query().isVisible());
        clickOn("#build-tags").write("app:1");
        clickOn(toggle);
        assertFalse(lookup(".build-options").query().isVisible());
        assertTrue(toggle.getText().contains("tags"), toggle.getText());
    }
}
