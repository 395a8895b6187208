package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.Stage;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * One stage on the canvas. In full form: name (or #index), base image, platform, instruction
 * count, a "final image" tag on the target, a badge for problems or sizes, a separate findings
 * badge (how many lint findings the stage has, coloured by the worst), and an output handle to
 * drag from to connect. In compact form (zoomed out): the name alone, large enough to read.
 * The box is as wide as its text needs (a badge never cuts it: the node grows), at least
 * {@link #WIDTH}; only a very long base image is elided (the tooltip has it whole). Styled by CSS
 * classes (.stage-node, .target, .unused, .selected, .compact). FX thread only.
 */
final class StageNodeView extends StackPane {
    static final double WIDTH = 168;
    static final double HEIGHT = 66;
    /** The widest a node gets for its base image and compact name; its own name always fits. */
    static final double MAX_WIDTH = 400;
    /** The compact name's font size (graph pixels): at {@link GraphView#READABLE_ZOOM} it is 10 px on screen. */
    static final double COMPACT_FONT = 28;
    /** Room kept in the bottom row for a badge, so the one a build adds later does not move the details. */
    static final double BADGE_ROOM = 64;
    /** The body's horizontal padding (graph.css: 6 12 6 10), its border, the name row's spacing, and a pixel to spare. */
    static final double INSETS = 34;
    /** Room kept in the name row for the findings badge (a count up to three digits), so it rarely widens a laid-out node. */
    static final double FINDINGS_ROOM = 34;

    private final Label name = new Label();
    private final HBox top;
    private final VBox body;
    private final Circle handle = new Circle(6);
    /** Made when first shown in full (most nodes of a big graph are only ever compact). */
    private Label base;
    private Label details;
    private HBox bottom;
    /** Made when first needed (the target, a node with a badge): most nodes never show them, and each Label costs CSS time on open. */
    private Label tag;
    private Label badge;
    /** The findings badge: made when a stage first has findings. */
    private Label findings;
    private String findingsTip;
    /** Made on first hover: a Tooltip is a popup window, too dear to build 37 of on open. */
    private Tooltip tooltip;
    private String key;
    private Stage stage;
    private boolean target;
    private boolean compact;
    private List<String> images = List.of();
    private double boxWidth = WIDTH;

    StageNodeView(String key, boolean compact) {
        this.key = key;
        this.compact = compact;
        getStyleClass().add("stage-node");
        if (compact) {
            getStyleClass().add("compact");
        }
        name.getStyleClass().add("stage-name-label");
        name.setMinWidth(0);
        handle.getStyleClass().add("connect-handle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        top = new HBox(6, name, spacer);
        top.setAlignment(compact ? Pos.CENTER : Pos.CENTER_LEFT);
        body = new VBox(2, top);
        body.setAlignment(compact ? Pos.CENTER : Pos.CENTER_LEFT);
        body.getStyleClass().add("stage-node-body");
        getChildren().addAll(body, handle);
        StackPane.setAlignment(handle, Pos.CENTER_RIGHT);
        handle.setTranslateX(6);
        setBoxWidth(WIDTH);
        if (!compact) {
            makeFull();
        }
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip == null) {
                tooltip = new Tooltip(tooltipText());
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
        this.target = target;
        name.setText(s.displayName());
        if (base != null) {
            fillDetails();
        }
        if (target && tag == null && !compact) {
            makeTag();
        }
        if (tag != null) {
            tag.setVisible(target && !compact);
            tag.setManaged(target && !compact);
        }
        pseudo("target", target);
        pseudo("unused", !needed);
        if (tooltip != null) {
            tooltip.setText(tooltipText());
        }
    }

    /** Shows the "final image" tag (as on the target) without a stage: for measuring. */
    void setTargetTag(boolean on) {
        target = on;
        if (on && tag == null) {
            makeTag();
        }
    }

    Label tagLabel() {
        return tag;
    }

    /** The details line as shown in full form: instructions, platform, collapsed images. */
    String detailsLine() {
        if (stage == null) {
            return "";
        }
        String count = stage.instructionCount() + (stage.instructionCount() == 1 ? " instruction" : " instructions");
        String text = stage.platform() != null ? count + " · " + stage.platform() : count;
        if (!images.isEmpty()) {
            text += images.size() == 1 ? " · 1 image" : " · " + images.size() + " images";
        }
        return text;
    }

    private void makeTag() {
        tag = new Label("final image");
        tag.getStyleClass().add("target-tag");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        top.getChildren().add(tag);
    }

    private void fillDetails() {
        base.setText(stage.baseResolved().isEmpty() ? stage.base() : stage.baseResolved());
        details.setText(detailsLine());
    }

    private String tooltipText() {
        if (stage == null) {
            return "";
        }
        StringBuilder t = new StringBuilder(stage.displayName()).append("\nFROM ").append(stage.base());
        if (!stage.baseResolved().equals(stage.base())) {
            t.append(" (").append(stage.baseResolved()).append(')');
        }
        t.append("\nlines ").append(stage.line()).append('–').append(stage.endLine());
        for (String image : images) {
            t.append("\nuses ").append(image);
        }
        if (findingsTip != null) {
            t.append('\n').append(findingsTip);
        }
        return t.toString();
    }

    /** The external images collapsed into this stage (shown as a count and in the tooltip). */
    void setImages(List<String> images) {
        this.images = List.copyOf(images);
        if (base != null && stage != null) {
            fillDetails();
        }
        if (tooltip != null) {
            tooltip.setText(tooltipText());
        }
    }

    List<String> images() {
        return images;
    }

    /** Full (base, platform, instructions, size) or compact (the name alone, large). */
    void setCompact(boolean on) {
        if (on == compact && (on || base != null)) {
            return;
        }
        compact = on;
        pseudo("compact", on);
        if (!on && base == null) {
            makeFull();
        }
        if (base != null) {
            base.setVisible(!on);
            base.setManaged(!on);
            bottom.setVisible(!on);
            bottom.setManaged(!on);
        }
        if (target && tag == null && !on) {
            makeTag();
        }
        if (tag != null) {
            tag.setVisible(target && !on);
            tag.setManaged(target && !on);
        }
        top.setAlignment(on ? Pos.CENTER : Pos.CENTER_LEFT);
        body.setAlignment(on ? Pos.CENTER : Pos.CENTER_LEFT);
        if (badge != null) {
            placeBadge();
        }
    }

    boolean compact() {
        return compact;
    }

    /** Whether the base image and details are shown (the full form). */
    boolean showsDetails() {
        return base != null && base.isVisible() && bottom.isVisible();
    }

    boolean isTarget() {
        return target;
    }

    private void makeFull() {
        base = new Label();
        details = new Label();
        base.getStyleClass().add("stage-base-label");
        details.getStyleClass().add("stage-details-label");
        base.setMinWidth(0); // a very long base image elides (the tooltip has it)
        base.setMaxWidth(MAX_WIDTH - INSETS);
        details.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bottom = new HBox(6, details, spacer);
        bottom.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(base, bottom);
        if (stage != null) {
            fillDetails();
        }
    }

    /** The badge sits after the details in full form, after the name in compact form. */
    private void placeBadge() {
        HBox row = compact || bottom == null ? top : bottom;
        if (badge.getParent() != row) {
            ((HBox) badge.getParent()).getChildren().remove(badge);
            row.getChildren().add(badge);
        }
    }

    void setSelected(boolean selected) {
        pseudo("selected", selected);
    }

    /** A badge text (a problem, a size); null hides it. {@code styleClass} picks its colour. The node grows to fit it. */
    void setBadge(String text, String styleClass) {
        if (badge == null) {
            if (text == null) {
                return;
            }
            badge = new Label();
            badge.setMinWidth(Region.USE_PREF_SIZE);
            (compact || bottom == null ? top : bottom).getChildren().add(badge);
        }
        badge.getStyleClass().setAll("stage-badge");
        if (styleClass != null) {
            badge.getStyleClass().add(styleClass);
        }
        badge.setText(text);
        badge.setVisible(text != null);
        badge.setManaged(text != null);
        requestLayout();
    }

    /**
     * The findings badge: {@code count} findings, the worst of {@code severity} ("error",
     * "warning", "info", "style"), {@code tip} for the node's tooltip; a count of 0 hides it. It
     * sits in the name row, apart from the problem or size badge; the node grows to fit it.
     */
    void setFindings(int count, String severity, String tip) {
        String newTip = count == 0 ? null : tip;
        if (!java.util.Objects.equals(newTip, findingsTip)) {
            findingsTip = newTip;
            if (tooltip != null) {
                tooltip.setText(tooltipText());
            }
        }
        if (count == 0) {
            if (findings != null && findings.isVisible()) {
                findings.setVisible(false);
                findings.setManaged(false);
            }
            return;
        }
        if (findings == null) {
            findings = new Label();
            findings.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(2, findings); // after the name and the spacer, before the "final image" tag
        }
        String text = symbol(severity) + " " + count;
        if (!text.equals(findings.getText())) {
            findings.setText(text);
        }
        String cls = "findings-" + severity;
        if (!findings.getStyleClass().contains(cls)) {
            findings.getStyleClass().setAll("findings-badge", cls);
        }
        if (!findings.isVisible()) {
            findings.setVisible(true);
            findings.setManaged(true);
        }
    }

    private static String symbol(String severity) {
        switch (severity) {
            case "error":
                return "\u2716";
            case "warning":
                return "\u26a0";
            case "info":
                return "\u2139";
            default:
                return "\u270e";
        }
    }

    /** The findings badge's text, or null when it is hidden. */
    String findingsText() {
        return findings != null && findings.isVisible() ? findings.getText() : null;
    }

    Label findingsLabel() {
        return findings;
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

    // ---- size ------------------------------------------------------------------------------

    /** Sets the box's width (the layout's, and what edges attach to). */
    void setBoxWidth(double width) {
        boxWidth = width;
        setMinSize(width, HEIGHT);
        setPrefSize(width, HEIGHT);
        setMaxSize(width, HEIGHT);
    }

    double boxWidth() {
        return boxWidth;
    }

    @Override
    protected void layoutChildren() {
        // a badge or a rename that needs more room makes the node wider, never cut (a compact node
        // only for the findings badge beside its large name)
        boolean findingsShown = findings != null && findings.isVisible();
        if (compact ? findingsShown : base != null) {
            double need = body.prefWidth(-1);
            if (compact) { // a very long name elides at the widest a node gets, as the layout measured it
                need -= Math.max(0, name.prefWidth(-1) - (MAX_WIDTH - INSETS));
            }
            if (need > boxWidth + 0.5) {
                setBoxWidth(Math.ceil(need));
                resize(boxWidth, HEIGHT); // now: the canvas would only size it to its new width on a later pass
            }
        }
        super.layoutChildren();
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
        return stage == null ? "" : stage.baseResolved().isEmpty() ? stage.base() : stage.baseResolved();
    }

    String detailsText() {
        return detailsLine();
    }

    /** The box the theme paints (for export). */
    Region body() {
        return body;
    }

    Label nameLabel() {
        return name;
    }

    /** The name row's preferred width as styled now (for measuring what a badge adds to it). */
    double nameRowWidth() {
        return top.prefWidth(-1);
    }

    /** The base image's label, or the name's while the node has only been compact (for the theme's colours). */
    Label baseLabel() {
        return base != null ? base : name;
    }

    Label detailsLabel() {
        return details;
    }

    Label badgeLabel() {
        return badge;
    }
}
