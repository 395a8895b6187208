package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every corpus Dockerfile opens in the window without an exception, one node per stage. */
class CorpusWindowTest extends WindowTestBase {
    @TempDir
    Path copies;

    @Test
    void everyCorpusFileOpensWithOneNodePerStage() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path original : Corpus.files()) {
            // copies: nothing must be written next to them, and the test checks it is not
            Path f = Files.copy(original, copies.resolve(original.getFileName()));
            boolean[] opened = {open(f)};
            int stages = StageGraph.parse(Corpus.read(original)).stages().size();
            int nodes = window.graph().nodeCount();
            if (!opened[0] || nodes != stages || !window.editor().area().getText().equals(Corpus.read(original)
                    .replace("\r\n", "\n").replace("\uFEFF", ""))) {
                wrong.add(f.getFileName() + ": opened=" + opened[0] + " nodes=" + nodes + " stages=" + stages);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(Corpus.files().size() >= 50);
        try (var listed = Files.list(copies)) {
            assertEquals(Corpus.files().size(), listed.count(), "nothing of Stagecraft's beside the Dockerfiles");
        }
    }
}
