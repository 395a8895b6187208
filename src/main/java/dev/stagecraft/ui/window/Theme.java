package dev.stagecraft.ui.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark themes: AtlantaFX Primer as the user-agent stylesheet, plus a
 * {@code theme-light}/{@code theme-dark} class on the root so our stylesheets can adjust their
 * looked-up colours. FX thread only.
 */
public enum Theme {
    LIGHT("light", new PrimerLight().getUserAgentStylesheet()),
    DARK("dark", new PrimerDark().getUserAgentStylesheet());

    private final String id;
    private final String userAgentStylesheet;

    Theme(String id, String userAgentStylesheet) {
        this.id = id;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String id() {
        return id;
    }

    public static Theme of(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }

    /**
     * Makes this the application's user-agent stylesheet before any control exists: the first
     * control otherwise loads JavaFX's own Modena stylesheet (about 60 ms of a launch) only for
     * {@link #apply} to replace it.
     */
    public void preset() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    /** Makes this the theme of the application and of {@code scene}. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        scene.getRoot().getStyleClass().removeAll(LIGHT.styleClass(), DARK.styleClass());
        scene.getRoot().getStyleClass().add(styleClass());
    }

    private String styleClass() {
        return "theme-" + id;
    }
}
