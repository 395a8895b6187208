package dev.stagecraft.dockerfile.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitRequirementTest {
    @Test
    void namesEveryBuildKitOnlyFeatureWithItsLine() {
        String text = "# syntax=docker/dockerfile:1\nFROM alpine AS a\nRUN --mount=type=cache,target=/c make\n"
                + "COPY --link --chmod=755 x /x\nRUN <<EOF\necho\nEOF\nADD --checksum=sha256:abc http://x /y\n"
                + "COPY --chown=1 y /y\nRUN plain\n";
        List<String> found = BuildKitRequirement.of(DockerfileParser.parse(text)).stream()
                .map(BuildKitRequirement::message).toList();
        assertEquals(List.of("line 1: the # syntax=docker/dockerfile:1 frontend needs BuildKit",
                "line 3: RUN --mount needs BuildKit", "line 4: COPY --link needs BuildKit",
                "line 4: COPY --chmod needs BuildKit", "line 5: a heredoc (<<EOF) needs BuildKit",
                "line 8: ADD --checksum needs BuildKit"), found);
    }

    @Test
    void aClassicDockerfileNeedsNothing() {
        assertEquals(List.of(), BuildKitRequirement.of(DockerfileParser.parse(
                "FROM alpine AS a\nCOPY --chown=1:1 --from=a x /x\nRUN make\n")));
    }
}
