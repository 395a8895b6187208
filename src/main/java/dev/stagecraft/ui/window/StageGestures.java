package dev.stagecraft.ui.window;

/**
 * What a user can ask of the graph, independent of how the graph pane reports it: each call
 * becomes dialogs and then one text edit (or a refusal). Stage indexes refer to the graph the
 * pane shows. FX thread only.
 */
public interface StageGestures {
    void addStage(Integer after);

    void rename(int stage);

    void delete(int stage);

    void connect(int from, int to);

    void changeBase(int stage);

    void setTarget(int stage);

    void duplicate(int stage);

    void move(int stage, int delta);

    void open(int stage);
}
