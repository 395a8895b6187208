package dev.stagecraft.ui.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.DockerfileText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file opened in the window is parsed once, off the FX thread: the document shows that graph
 * (with the remembered target applied) instead of parsing the text again, and edits after it parse
 * as before.
 */
class PreParsedLoadTest {
    @TempDir
    Path dir;

    @Test
    void aLoadedFileShowsTheGraphParsedBeforeAndLaterEditsParseAgain() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS a\nFROM a AS b\nFROM a AS c\n");
        DockerfileText read = DockerfileText.read(f);
        StageGraph parsed = StageGraph.parse(read.editorText());
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM x\n");

        vm.load(f, read, null, parsed);
        assertSame(parsed, vm.getGraph(), "not parsed again");
        assertSame(parsed, vm.lastGoodGraphProperty().get());
        assertFalse(vm.isDirty());

        vm.load(f, read, "b", StageGraph.parse(read.editorText()));
        assertEquals("b", vm.getGraph().stages().get(vm.getGraph().target()).name(), "the remembered target");

        vm.textChanged(read.editorText() + "FROM c AS d\n");
        assertEquals(4, vm.getGraph().stages().size(), "an edit parses the new text");
    }
}
