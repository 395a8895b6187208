package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.project.StateDirectory;
import dev.stagecraft.project.StateStore;
import dev.stagecraft.project.TextFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Dockerfile read for the window, with everything that must be known before the window swaps
 * documents: its text, the real path its state is kept under, the state remembered for it (and a
 * note when that came from an old sidecar), and its text parsed (the window shows that graph
 * instead of parsing the text again on the FX thread). Made off the FX
 * thread by {@link #read}; nothing of the window changes until it exists. Immutable.
 */
record OpenedFile(Path path, Path key, DockerfileText text, StateStore.Loaded state, StageGraph graph) {

    /** Reads {@code file} and its state. Blocking; throws a one-line reason when it can't be opened. */
    static OpenedFile read(Path file, StateStore store) throws IOException {
        Path path = file.toAbsolutePath();
        DockerfileText text = DockerfileText.read(path);
        StageGraph graph;
        try {
            graph = StageGraph.parse(text.editorText());
        } catch (RuntimeException | StackOverflowError e) {
            throw new TextFileException("cannot read " + path.getFileName() + " as a Dockerfile ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return new OpenedFile(path, StateDirectory.realPath(path), text,
                store == null ? new StateStore.Loaded(dev.stagecraft.project.DocumentState.empty(), Optional.empty())
                        : store.load(path), graph);
    }
}
