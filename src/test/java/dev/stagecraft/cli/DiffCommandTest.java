package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.image.TestImages;
import dev.stagecraft.testing.DockerEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft diff} as a user runs it, on two images built in the test that differ in known ways. */
@Tag("docker")
class DiffCommandTest {
    static final String A = "stagecraft-test/diff-a";
    static final String B = "stagecraft-test/diff-b";

    @TempDir
    static Path dir;

    @BeforeAll
    static void images() throws Exception {
        try (Engine e = DockerEngine.require()) {
            // skips (or fails under REQUIRE_DOCKER=1) without an engine or base images
        }
        TestImages.build(dir, A, """
                FROM stagecraft-test/busybox
                RUN mkdir /app && echo aaaa > /app/same-size && echo gone > /app/gone && echo 1 > /app/mode
                """, true);
        TestImages.build(dir, B, """
                FROM stagecraft-test/busybox
                RUN mkdir /app && echo bbbb > /app/same-size && echo 1 > /app/mode && chmod 700 /app/mode \\
                    && head -c 1234 /dev/zero > /app/new
                """, true);
    }

    @Test
    void theJsonListsWhatBAddedRemovedAndModifiedIncludingSameSizeContent() throws Exception {
        LayersCommandTest.Run r = LayersCommandTest.stagecraft(null, "diff", A, B, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = LayersCommandTest.JSON.readTree(r.out());
        assertEquals(DockerEngine.cli("image", "inspect", "--format", "{{.Id}}", A), j.get("a").get("image").asText());
        long sizeA = Long.parseLong(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", A));
        long sizeB = Long.parseLong(DockerEngine.cli("image", "inspect", "--format", "{{.Size}}", B));
        assertEquals(sizeA, j.get("a").get("size").asLong());
        assertEquals(sizeB - sizeA, j.get("sizeDelta").asLong());
        StringBuilder files = new StringBuilder();
        j.get("files").forEach(f -> files.append(f).append('\n'));
        assertEquals("""
                {"path":"/app/gone","change":"removed","sizeA":5,"sizeB":null}
                {"path":"/app/mode","change":"modified","sizeA":2,"sizeB":2}
                {"path":"/app/new","change":"added","sizeA":null,"sizeB":1234}
                {"path":"/app/same-size","change":"modified","sizeA":5,"sizeB":5}
                """, files.toString());
    }

    @Test
    void anImageEqualsItselfAndAWrongNameIsExitTwo() throws Exception {
        LayersCommandTest.Run same = LayersCommandTest.stagecraft(null, "diff", A, A);
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.out().contains("size ±0 B, 0 paths differ"), same.out());
        LayersCommandTest.Run wrong = LayersCommandTest.stagecraft(null, "diff", A, "stagecraft-test/no-such:b");
        assertEquals(2, wrong.exit());
        assertEquals("stagecraft: no such image: stagecraft-test/no-such:b\n", wrong.err());
    }
}
