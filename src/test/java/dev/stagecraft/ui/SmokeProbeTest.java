package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SmokeProbeTest {
    CodeArea area;

    @Start
    void start(Stage stage) {
        area = new CodeArea();
        stage.setScene(new Scene(area, 400, 300));
        stage.show();
    }

    @Test
    void types(FxRobot robot) {
        robot.clickOn(area);
        robot.write("FROM a"); assertEquals("FROM a", area.getText());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("", area.getText());
    }
}
