package dev.stagecraft.ui.graph;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A small node for an image that a stage copies or mounts from without building it
 * ({@code COPY --from=docker/buildx-bin}). Styled by {@code .external-node}. FX thread only.
 */
final class ExternalImageView extends Label {
    static final double WIDTH = 170;
    static final double HEIGHT = 30;

    private final String image;

    ExternalImageView(String image) {
        super(image);
        this.image = image;
        getStyleClass().add("external-node");
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (getTooltip() == null) {
                setTooltip(new Tooltip(image)); // made on first hover, like the stage nodes'
            }
        });
    }

    String image() {
        return image;
    }
}
