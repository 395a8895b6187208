package dev.stagecraft.ui.graph;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * A bar below the graph (never over it, so it never covers a node) explaining the edge styles,
 * the external image nodes and the node emphasis, and, once a build has painted the nodes, the
 * build states. It collapses to its toggle. FX thread only.
 */
final class GraphLegend extends FlowPane {
    private final HBox states = new HBox(4);
    private final Button toggle = new Button();
    private boolean collapsed;

    GraphLegend() {
        super(14, 2);
        getStyleClass().add("graph-legend");
        setAlignment(Pos.CENTER_LEFT);
        toggle.getStyleClass().add("legend-toggle");
        toggle.setFocusTraversable(false);
        toggle.setOnAction(e -> setCollapsed(!collapsed));
        Label image = new Label("image");
        image.getStyleClass().addAll("external-node", "legend-sample");
        Label tag = new Label("final image");
        tag.getStyleClass().add("target-tag");
        getChildren().addAll(toggle, row(edge("edge-base"), "FROM another stage"),
                row(edge("edge-copy"), "COPY --from (copied path)"),
                row(edge("edge-mount"), "RUN --mount from"),
                row(image, "image used but not built"),
                row(tag, "the target; faded: not needed by it"));
        for (String state : new String[] {"running", "cached", "done", "failed"}) {
            Label sample = new Label(state);
            sample.getStyleClass().addAll("stage-node-body", "legend-state");
            VBox node = new VBox(sample);
            node.getStyleClass().addAll("legend-node", "state-" + state); // not .stage-node: not a stage
            states.getChildren().add(node);
        }
        states.setAlignment(Pos.CENTER_LEFT);
        states.setVisible(false);
        states.setManaged(false);
        getChildren().add(states);
        addEventHandler(MouseEvent.ANY, MouseEvent::consume); // pressing here neither pans nor clears the selection
        setCollapsed(false);
    }

    /** Shows the build states' row (while some node shows one). */
    void showBuildStates(boolean show) {
        states.getProperties().put("wanted", show);
        states.setVisible(show && !collapsed);
        states.setManaged(show && !collapsed);
    }

    boolean showsBuildStates() {
        return Boolean.TRUE.equals(states.getProperties().get("wanted"));
    }

    /** Folds the legend to its toggle, or opens it. */
    void setCollapsed(boolean on) {
        collapsed = on;
        toggle.setText(on ? "▸ Legend" : "▾ Legend");
        for (Node n : getChildren()) {
            if (n != toggle) {
                boolean show = !on && (n != states || showsBuildStates());
                n.setVisible(show);
                n.setManaged(show);
            }
        }
    }

    boolean collapsed() {
        return collapsed;
    }

    Button toggle() {
        return toggle;
    }

    private static Node edge(String kind) {
        Line line = new Line(0, 0, 28, 0);
        line.getStyleClass().add("edge-line");
        HBox sample = new HBox(line);
        sample.getStyleClass().addAll("edge", kind);
        sample.setAlignment(Pos.CENTER_LEFT);
        return sample;
    }

    private static HBox row(Node sample, String text) {
        HBox row = new HBox(6, sample, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
