package dev.stagecraft.ui.engine;

import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * Asks for the engine endpoint: {@code tcp://host:2375}, {@code unix:///path/docker.sock}, or
 * blank for the one the Docker CLI would use. FX thread only.
 */
public final class EngineSettingsDialog {
    private EngineSettingsDialog() {
    }

    /** The typed endpoint ("" for automatic), or empty when cancelled. */
    public static Optional<String> ask(Window owner, String current, String automatic) {
        TextInputDialog d = new TextInputDialog(current == null ? "" : current);
        d.initOwner(owner);
        d.setTitle("Engine Settings");
        d.setHeaderText("Docker engine endpoint");
        d.setContentText("Endpoint (blank: " + automatic + "):");
        d.getEditor().setId("engine-endpoint");
        d.getEditor().setPromptText("tcp://host:2375 or unix:///var/run/docker.sock");
        return d.showAndWait().map(String::strip);
    }

    /** Why {@code host} is no endpoint, or null if it looks like one. */
    public static String invalid(String host) {
        if (host.isEmpty() || host.matches("(unix|npipe)://.+|(tcp|ssh|http|https)://[^/]+.*")) {
            return null;
        }
        return "not an endpoint: " + host + " (use tcp://host:2375 or unix:///path/docker.sock)";
    }
}
