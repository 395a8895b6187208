package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.Stage;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * One stage on the canvas: name (or #index), base image, platform, instruction count, a "final
 * image" tag on the target, a badge for problems or sizes, and an output handle to drag from to
 * connect. Styled by CSS classes (.stage-node, .target, .unused, .selected). FX thread only.
 */
final class StageNodeView extends StackPane {
    static final double WIDTH = 184;
    static final double HEIGHT = 66;

    private final Label name = new Label();
    private final Label base = new Label();
    private final Label details = new Label();
    /** Made when first needed (the target, a node with a badge): most nodes never show them, and each Label costs CSS time on open. */
    private Label tag;
    private Label badge;
    private final HBox top;
    private final HBox bottom;
    private final Circle handle = new Circle(6);
    /** Made on first hover: a Tooltip is a popup window, too dear to build 37 of on open. */
    private Tooltip tooltip;
    private String tooltipText = "";
    private final VBox body;
    private String key;
    private Stage stage;

    StageNodeView(String key) {
        this.key = key;
        getStyleClass().add("stage-node");
        name.getStyleClass().add("stage-name-label");
        base.getStyleClass().add("stage-base-label");
        details.getStyleClass().add("stage-details-label");
        handle.getStyleClass().add("connect-handle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        top = new HBox(6, name, spacer);
        top.setAlignment(Pos.CENTER_LEFT);
        bottom = new HBox(6, details, new Region());
        details.setMinWidth(0); // the badge (a problem, a size) wins the room; the details elide
        HBox.setHgrow(bottom.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        body = new VBox(2, top, base, bottom);
        body.getStyleClass().add("stage-node-body");
        getChildren().addAll(body, handle);
        StackPane.setAlignment(handle, Pos.CENTER_RIGHT);
        handle.setTranslateX(6);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(tooltipText);
                Tooltip.install(this, tooltip);
            }
        });
    }

    /** The stage's key in positions: its name, else {@code #index}. */
    String key() {
        return key;
    }

    /** The same node now shows a stage with another key (renamed, or an unnamed one that moved). */
    void setKey(String key) {
        this.key = key;
    }

    Stage stage() {
        return stage;
    }

    Circle handle() {
        return handle;
    }

    void show(Stage s, boolean target, boolean needed) {
        stage = s;
        name.setText(s.displayName());
        base.setText(s.baseResolved().isEmpty() ? s.base() : s.baseResolved());
        String count = s.instructionCount() + (s.instructionCount() == 1 ? " instruction" : " instructions");
        details.setText(s.platform() != null ? count + " · " + s.platform() : count);
        if (target && tag == null) {
            tag = new Label("final image");
            tag.getStyleClass().add("target-tag");
            top.getChildren().add(tag);
        }
        if (tag != null) {
            tag.setVisible(target);
            tag.setManaged(target);
        }
        pseudo("target", target);
        pseudo("unused", !needed);
        tooltipText = s.displayName() + "\nFROM " + s.base()
                + (s.baseResolved().equals(s.base()) ? "" : " (" + s.baseResolved() + ")")
                + "\nlines " + s.line() + "–" + s.endLine();
        if (tooltip != null) {
            tooltip.setText(tooltipText);
        }
    }

    void setSelected(boolean selected) {
        pseudo("selected", selected);
    }

    /** A badge text (a problem, a size); null hides it. {@code styleClass} picks its colour. */
    void setBadge(String text, String styleClass) {
        if (badge == null) {
            if (text == null) {
                return;
            }
            badge = new Label();
            badge.setMinWidth(Region.USE_PREF_SIZE);
            bottom.getChildren().add(badge);
        }
        badge.getStyleClass().setAll("stage-badge");
        if (styleClass != null) {
            badge.getStyleClass().add(styleClass);
        }
        badge.setText(text);
        badge.setVisible(text != null);
        badge.setManaged(text != null);
    }

    boolean hasBadge(String styleClass) {
        return badge != null && badge.isVisible() && badge.getStyleClass().contains(styleClass);
    }

    String badgeText() {
        return badge != null && badge.isVisible() ? badge.getText() : null;
    }

    /** A build state class on the node (running, cached, done, failed); null clears. */
    void setState(String state) {
        getStyleClass().removeIf(c -> c.startsWith("state-"));
        if (state != null) {
            getStyleClass().add("state-" + state);
        }
    }

    boolean hasState() {
        return getStyleClass().stream().anyMatch(c -> c.startsWith("state-"));
    }

    private void pseudo(String cls, boolean on) {
        if (on && !getStyleClass().contains(cls)) {
            getStyleClass().add(cls);
        } else if (!on) {
            getStyleClass().remove(cls);
        }
    }

    boolean hasClass(String cls) {
        return getStyleClass().contains(cls);
    }

    String nameText() {
        return name.getText();
    }

    String baseText() {
        return base.getText();
    }

    String detailsText() {
        return details.getText();
    }

    /** The box the theme paints (for export). */
    Region body() {
        return body;
    }

    Label nameLabel() {
        return name;
    }

    Label baseLabel() {
        return base;
    }
}
