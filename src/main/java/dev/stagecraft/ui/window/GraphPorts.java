package dev.stagecraft.ui.window;

/** Makes the graph pane the window uses. FX thread only. */
public final class GraphPorts {
    private GraphPorts() {
    }

    public static GraphPort create() {
        return new GraphViewPort();
    }
}
