package dev.stagecraft.ui.graph;

/**
 * What a user asked of the graph: the window turns each into dialogs and one text edit.
 * Stage indexes refer to the graph the view shows. Immutable.
 */
public sealed interface GraphGesture {
    record AddStage(Integer after) implements GraphGesture {
    }

    record Rename(int stage) implements GraphGesture {
    }

    record Delete(int stage) implements GraphGesture {
    }

    record Connect(int from, int to) implements GraphGesture {
    }

    record ChangeBase(int stage) implements GraphGesture {
    }

    record SetTarget(int stage) implements GraphGesture {
    }

    record Duplicate(int stage) implements GraphGesture {
    }

    record Move(int stage, int delta) implements GraphGesture {
    }

    record Open(int stage) implements GraphGesture {
    }

    /** A {@code COPY --from} edge was clicked: the copy at {@code line} of stage {@code to}, from stage {@code from}. */
    record OpenCopy(int from, int to, int line) implements GraphGesture {
    }

    /** Who is told of {@link OpenCopy}: the window, which shows the files the copy carried. */
    @FunctionalInterface
    interface CopyHandler {
        void open(int from, int to, int line);
    }
}
