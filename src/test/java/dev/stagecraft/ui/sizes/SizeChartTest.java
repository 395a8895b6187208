package dev.stagecraft.ui.sizes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every stage's bar is visible with its size beside it, the final image's highlighted, even beside a builder 700 times larger. */
@ExtendWith(ApplicationExtension.class)
class SizeChartTest extends FxRobot {
    private SizeChart chart;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        chart = new SizeChart();
        stage.setScene(new Scene(chart, 500, 300));
        stage.show();
    }

    @Test
    void aTinyFinalImageBesideAHugeBuilderStillShowsAndIsHighlighted() {
        List<StageBar> bars = List.of(new StageBar(0, "builder", 574_000_000, "574 MB", false, ""),
                new StageBar(1, "#1", 762_000, "762 kB", true, "-1.2 kB"));
        interact(() -> {
            chart.show(bars);
            chart.applyCss();
            chart.layout();
        });
        List<Region> regions = chart.barRegions();
        assertEquals(2, regions.size());
        assertTrue(regions.get(1).getWidth() >= StageBar.MIN_WIDTH - 0.01, "the final bar is visible: " + regions.get(1).getWidth());
        assertTrue(regions.get(0).getWidth() > 20 * regions.get(1).getWidth(), "the builder's bar is far longer");
        assertTrue(regions.get(1).getStyleClass().contains("final-bar"));
        assertTrue(!regions.get(0).getStyleClass().contains("final-bar"));
        List<Label> values = chart.values();
        assertEquals("574 MB", values.get(0).getText());
        assertEquals("762 kB (-1.2 kB) · final image", values.get(1).getText());
        for (Label l : values) {
            assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "'" + l.getText() + "' is written in full");
            // the chart's own right edge: the stage an earlier test left may be wider than the 500 px asked for
            double right = chart.localToScene(chart.getBoundsInLocal()).getMaxX();
            assertTrue(l.localToScene(l.getBoundsInLocal()).getMaxX() <= right, "'" + l.getText() + "' is inside the chart ("
                    + l.localToScene(l.getBoundsInLocal()).getMaxX() + " > " + right + ")");
        }
    }

    @Test
    void barLengthsFollowTheSizesWithAMinimum() {
        StageBar big = new StageBar(0, "a", 1000, "1 kB", false, "");
        StageBar half = new StageBar(1, "b", 500, "500 B", false, "");
        StageBar tiny = new StageBar(2, "c", 1, "1 B", true, "");
        assertEquals(300, big.width(1000, 300), 1e-9);
        assertEquals(150, half.width(1000, 300), 1e-9);
        assertEquals(StageBar.MIN_WIDTH, tiny.width(1000, 300), 1e-9);
        assertEquals(StageBar.MIN_WIDTH, tiny.width(0, 300), 1e-9);
    }
}
