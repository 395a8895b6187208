package dev.stagecraft.ui.graph;

import dev.stagecraft.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * One stage on the canvas. In full form: name (or #index), base image, platform, instruction
 * count, a "final image" tag on the target, a badge for problems or sizes, a separate findings
 * badge (how many lint findings the stage has, coloured by the worst), and an output handle to
 * drag from to connect. In compact form (zoomed out): the name alone, large enough to read.
 * The box is as wide as its text needs (a badge never cuts it: the node grows), at least
 * {@link #WIDTH}; only a very long base image, or a compact name past {@link #MAX_WIDTH}, is
 * elided (the tooltip has it whole). Styled by CSS classes (.stage-node, .target, .unused,
 * .selected, .compact; the texts .node-name, .node-base, .node-details).
 *
 * <p>The texts are {@link Text} nodes laid out here, in rows as a VBox of HBoxes would (the body's
 * insets, 2 px between rows, 6 px between the items of a row, the name and details on the left
 * and the badges on the right): a graph opens with dozens of nodes, and a Label per text (a
 * control with a skin, matched against every theme rule for labels) was most of the CSS time of
 * opening one. The badges and the tag, which few nodes show, stay Labels, made when first needed.
 * FX thread only.
 */
final class StageNodeView extends Region {
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
    /** Between the rows of the full form. */
    private static final double ROW_GAP = 2;
    /** Between the items of a row. */
    static final double ITEM_GAP = 6;
    /** How far the connect handle reaches past the node's right side. */
    private static final double HANDLE_OUT = 6;

    /** The box the theme paints (background, border, shadow): the texts sit on it. */
    private final Region body = new Region();
    private final Text name = new Text();
    private final Circle handle = new Circle(6);
    /** Made when first shown in full (most nodes of a big graph are only ever compact). */
    private Text base;
    private Text details;
    /** Made when first needed (the target, a node with a badge): most nodes never show them. */
    private Label tag;
    private Label badge;
    /** The findings badge: made when a stage first has findings. */
    private Label findings;
    private String findingsTip;
    /** Made on first hover: a Tooltip is a popup window, too dear to build 37 of on open. */
    private Tooltip tooltip;
    private String key;
    private Stage stage;
    private String fullName = "";
    /** The base image the base text shows (it may show it elided). */
    private String fullBase;
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
        body.getStyleClass().add("stage-node-body");
        body.setManaged(false);
        name.getStyleClass().add("node-name");
        name.setTextOrigin(VPos.TOP);
        name.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as the theme draws a label's text: the same rows
        name.setManaged(false);
        handle.getStyleClass().add("connect-handle");
        handle.setManaged(false);
        handle.setTranslateX(HANDLE_OUT);
        getChildren().addAll(body, name, handle);
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
        if (!fullName.equals(s.displayName())) {
            fullName = s.displayName();
            name.setText(fullName);
            requestLayout();
        }
        if (base != null) {
            fillDetails();
        }
        if (target && tag == null && !compact) {
            makeTag();
        }
        if (tag != null) {
            tag.setVisible(target && !compact);
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
        tag = label("final image", "target-tag");
        tag.setVisible(target && !compact);
    }

    /** A badge-like label drawn over the body (laid out here, not by its parent). */
    private Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        getChildren().add(getChildren().size() - 1, l); // under the handle
        requestLayout();
        return l;
    }

    private void fillDetails() {
        String b = baseText();
        if (!b.equals(fullBase)) {
            fullBase = b;
            base.setText(b); // elided, if need be, when laid out
        }
        String d = detailsLine();
        if (!d.equals(details.getText())) {
            details.setText(d);
        }
        requestLayout();
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
            details.setVisible(!on);
        }
        if (target && tag == null && !on) {
            makeTag();
        }
        if (tag != null) {
            tag.setVisible(target && !on);
        }
        requestLayout();
    }

    boolean compact() {
        return compact;
    }

    /** Whether the base image and details are shown (the full form). */
    boolean showsDetails() {
        return base != null && base.isVisible() && details.isVisible();
    }

    boolean isTarget() {
        return target;
    }

    private void makeFull() {
        base = text("node-base");
        details = text("node-details");
        if (stage != null) {
            fillDetails();
        }
    }

    private Text text(String styleClass) {
        Text t = new Text();
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        t.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        t.setManaged(false);
        getChildren().add(getChildren().indexOf(name) + 1, t);
        return t;
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
            badge = label("", "stage-badge");
        }
        List<String> classes = new ArrayList<>(List.of("stage-badge"));
        if (styleClass != null) {
            classes.add(styleClass);
        }
        if (!badge.getStyleClass().equals(classes)) {
            badge.getStyleClass().setAll(classes);
        }
        badge.setText(text);
        badge.setVisible(text != null);
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
                requestLayout();
            }
            return;
        }
        if (findings == null) {
            findings = label("", "findings-badge");
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
        }
        requestLayout();
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

    // ---- size and layout -------------------------------------------------------------------

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

    /** The items right of the name, right to left as drawn: the badge (compact), the tag, the findings badge. */
    private List<Region> nameRowItems() {
        List<Region> items = new ArrayList<>(3);
        if (compact && shown(badge)) {
            items.add(badge);
        }
        if (shown(tag)) {
            items.add(tag);
        }
        if (shown(findings)) {
            items.add(findings);
        }
        return items;
    }

    private static boolean shown(Node n) {
        return n != null && n.isVisible();
    }

    /** What the items right of the name take, with the gaps before them (each a whole number of pixels, as a row's are). */
    private double itemsWidth(List<Region> items) {
        double w = 0;
        for (Region r : items) {
            w += ITEM_GAP + snapSizeX(r.prefWidth(-1));
        }
        return w;
    }

    /** The name row's preferred width: the whole name, a gap, and the items right of it (for measuring what a badge adds). */
    double nameRowWidth() {
        return TextFit.width(fullName, name) + ITEM_GAP + itemsWidth(nameRowItems());
    }

    @Override
    protected void layoutChildren() {
        List<Region> items = nameRowItems();
        Insets in = body.getInsets();
        double left = snapSpaceX(in.getLeft());
        double right = snapSpaceX(in.getRight());
        double top = snapSpaceY(in.getTop());
        double bottom = snapSpaceY(in.getBottom());
        // a badge or a rename that needs more room makes the node wider, never cut (a compact
        // node's large name elides at the widest a node gets)
        boolean full = !compact && base != null;
        if (full || compact) {
            double nameRow = Math.min(TextFit.width(fullName, name), compact ? MAX_WIDTH - INSETS : Double.MAX_VALUE)
                    + ITEM_GAP + itemsWidth(items);
            double need = left + right + Math.max(nameRow, full ? Math.max(Math.min(TextFit.width(baseText(), base),
                    MAX_WIDTH - INSETS), detailsRowWidth()) : 0);
            if (need > boxWidth + 0.5) {
                setBoxWidth(Math.ceil(need));
                resize(boxWidth, HEIGHT); // now: the canvas would only size it to its new width on a later pass
            }
        }
        double w = getWidth();
        double h = getHeight();
        body.resizeRelocate(0, 0, w, h);
        double inner = Math.max(0, w - left - right);
        double nameRowHeight = TextFit.height(name);
        for (Region r : items) {
            nameRowHeight = Math.max(nameRowHeight, r.prefHeight(-1));
        }
        double baseHeight = full ? TextFit.height(base) : 0;
        double detailsHeight = full ? Math.max(TextFit.height(details), shown(badge) ? badge.prefHeight(-1) : 0) : 0;
        double content = full ? nameRowHeight + ROW_GAP + baseHeight + ROW_GAP + detailsHeight : nameRowHeight;
        double y = snapPositionY(top + (h - top - bottom - content) / 2);
        // the name row: the name on the left, the items on the right
        double x = w - right;
        for (Region r : items) {
            double iw = snapSizeX(r.prefWidth(-1));
            double ih = snapSizeY(r.prefHeight(-1));
            x -= iw;
            r.resizeRelocate(x, y + snapPositionY((nameRowHeight - ih) / 2), iw, ih);
            x -= ITEM_GAP;
        }
        double nameRoom = Math.max(0, (items.isEmpty() ? w - right : x) - left);
        TextFit.elide(name, fullName, compact ? Math.min(nameRoom, MAX_WIDTH - INSETS) : nameRoom);
        name.relocate(left, y + snapPositionY((nameRowHeight - TextFit.height(name)) / 2));
        if (full) {
            double by = y + nameRowHeight + ROW_GAP;
            TextFit.elide(base, baseText(), Math.min(inner, MAX_WIDTH - INSETS));
            base.relocate(left, by);
            double dy = by + baseHeight + ROW_GAP;
            details.relocate(left, dy + snapPositionY((detailsHeight - TextFit.height(details)) / 2));
            if (shown(badge)) {
                double bw = snapSizeX(badge.prefWidth(-1));
                double bh = snapSizeY(badge.prefHeight(-1));
                badge.resizeRelocate(w - right - bw, dy + snapPositionY((detailsHeight - bh) / 2), bw, bh);
            }
        }
        handle.relocate(snapPositionX(w - handle.getLayoutBounds().getWidth()), snapPositionY((h
                - handle.getLayoutBounds().getHeight()) / 2));
    }

    /** The details row's preferred width: the details, and the badge right of them. */
    private double detailsRowWidth() {
        return TextFit.width(details.getText(), details) + ITEM_GAP + (shown(badge) ? ITEM_GAP + snapSizeX(badge.prefWidth(-1)) : 0);
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

    /** The stage's whole name (or #index), as the node shows it unless it had to elide it. */
    String nameText() {
        return fullName;
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

    /** The name as drawn (its font, its place). */
    Text nameNode() {
        return name;
    }

    /** The base image as drawn, or the name while the node has only been compact (for the theme's colours). */
    Text baseNode() {
        return base != null ? base : name;
    }

    /** The details line as drawn, null while the node has only been compact. */
    Text detailsNode() {
        return details;
    }

    Label badgeLabel() {
        return badge;
    }
}
