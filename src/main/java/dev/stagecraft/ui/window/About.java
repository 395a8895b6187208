package dev.stagecraft.ui.window;

import dev.stagecraft.project.Logs;
import dev.stagecraft.project.StateDirectory;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Help ▸ About: the version, where Stagecraft keeps its state and its log. FX thread only. */
final class About {
    private About() {
    }

    static String text() {
        String version = About.class.getPackage().getImplementationVersion();
        return "Stagecraft " + (version == null ? "(development build)" : version) + "\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version") + "\n"
                + "State (positions, build options, sizes, recovery copies): " + StateDirectory.standard().root() + "\n"
                + Logs.describe();
    }

    static void show(Window owner) {
        TextArea details = new TextArea(text());
        details.setId("about-text");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        AppIcons.on(a, owner);
        a.setTitle("About Stagecraft");
        a.setHeaderText("Stagecraft — a workbench for multi-stage Dockerfiles");
        a.getDialogPane().setContent(details);
        a.show();
    }
}
