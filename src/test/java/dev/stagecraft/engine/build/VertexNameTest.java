package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VertexNameTest {
    @Test
    void aNamedStageStep() {
        assertEquals(new VertexName("builder", 2, 5, "RUN make"), VertexName.parse("[builder 2/5] RUN make"));
    }

    @Test
    void anUnnamedStageOfAMultiStageFile() {
        assertEquals(new VertexName("stage-1", 3, 4, "COPY --from=builder /a /b"),
                VertexName.parse("[stage-1 3/4] COPY --from=builder /a /b"));
    }

    @Test
    void aSingleStageFileHasNoStageName() {
        VertexName v = VertexName.parse("[3/4] RUN x");
        assertEquals(new VertexName(null, 3, 4, "RUN x"), v);
        assertTrue(v.isInstruction());
    }

    @Test
    void internalWorkIsNoInstruction() {
        VertexName v = VertexName.parse("[internal] load build definition from Dockerfile");
        assertEquals(new VertexName("internal", 0, 0, "load build definition from Dockerfile"), v);
        assertFalse(v.isInstruction());
    }

    @Test
    void aNameWithoutBracketsIsAllInstruction() {
        assertEquals(new VertexName(null, 0, 0, "exporting to image"), VertexName.parse("exporting to image"));
    }

    @Test
    void thePlatformOfAMultiPlatformBuildIsNotTheStage() {
        assertEquals(new VertexName("builder", 1, 3, "FROM docker.io/library/alpine"),
                VertexName.parse("[linux/arm64 builder 1/3] FROM docker.io/library/alpine"));
        assertEquals(new VertexName(null, 2, 2, "RUN x"), VertexName.parse("[linux/amd64 2/2] RUN x"));
    }

    @Test
    void aMultiLineInstructionKeepsItsLines() {
        assertEquals(new VertexName("b", 2, 2, "RUN <<EOF\necho hi\nEOF"), VertexName.parse("[b 2/2] RUN <<EOF\necho hi\nEOF"));
    }

    @Test
    void oddNamesDoNotThrow() {
        assertEquals(new VertexName(null, 0, 0, ""), VertexName.parse(null));
        assertEquals(new VertexName(null, 0, 0, "x"), VertexName.parse("[] x"));
        assertEquals(new VertexName(null, 0, 0, "[unclosed x"), VertexName.parse("[unclosed x"));
    }
}
