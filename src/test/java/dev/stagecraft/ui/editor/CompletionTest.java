package dev.stagecraft.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
    private static final String HEAD = "FROM golang AS build\nRUN go build\nFROM alpine AS tools\n";

    private static Completion at(String text) {
        return Completion.at(text, text.length(), StageGraph.parse(text));
    }

    @Test
    void keywordsAtLineStart() {
        Completion c = at(HEAD + "CO");
        assertEquals(List.of("COPY"), c.candidates());
        assertEquals(HEAD.length(), c.replaceStart());
        assertTrue(at(HEAD + "").candidates().containsAll(List.of("FROM", "RUN", "WORKDIR")));
    }

    @Test
    void earlierStagesAfterFromFlag() {
        assertEquals(List.of("build", "tools"), at(HEAD + "FROM scratch\nCOPY --from=").candidates());
        assertEquals(List.of("tools"), at(HEAD + "FROM scratch\nCOPY --from=t").candidates());
    }

    @Test
    void earlierStagesAsFromBaseAndInMounts() {
        assertEquals(List.of("build", "tools"), at(HEAD + "FROM ").candidates());
        assertEquals(List.of("build"), at(HEAD + "FROM --platform=linux/amd64 b").candidates());
        assertEquals(List.of("build", "tools"),
                at(HEAD + "FROM scratch\nRUN --mount=type=bind,from=").candidates());
    }

    @Test
    void stageItselfAndLaterStagesAreNotOffered() {
        String text = "FROM a AS one\nCOPY --from=\nFROM b AS two\n";
        int caret = text.indexOf("--from=") + "--from=".length();
        assertEquals(List.of(), Completion.at(text, caret, StageGraph.parse(text)).candidates());
    }

    @Test
    void nothingInsideArguments() {
        assertTrue(at(HEAD + "RUN echo hel").isEmpty());
        assertTrue(at(HEAD + "RUN echo \\\n  CO").isEmpty(), "a continuation line is not an instruction start");
    }
}
