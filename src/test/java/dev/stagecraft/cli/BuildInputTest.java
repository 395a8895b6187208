package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft build} with input it can't build, run in-process as {@code main} runs it:
 * exit 2 and one line on stderr naming the problem, before any engine is asked (these run without
 * one), never a stack trace.
 */
class BuildInputTest {
    private static final String THREE_STAGES = """
            FROM stagecraft-test/busybox AS base
            RUN echo base
            FROM base AS build
            RUN echo build
            FROM scratch AS final
            COPY --from=build /bin/busybox /busybox
            """;

    @TempDir
    Path dir;

    /** The run ended with exit 2 and exactly one line on stderr, which it returns. */
    static String oneLineExitTwo(CliTest.Run r) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "a stack trace:\n" + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("stagecraft: "), r.err());
        return r.err().strip();
    }

    private Path project(String dockerfile) throws Exception {
        Path p = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(p.resolve("Dockerfile"), dockerfile);
        return p;
    }

    @Test
    void aTypoInTheTargetFailsNamingTheStagesAndTheNearestName() throws Exception {
        Path p = project(THREE_STAGES);
        assertEquals("stagecraft: no stage 'Bsae'; did you mean 'base'? stages: base, build, final",
                oneLineExitTwo(CliTest.run("build", p.toString(), "--target", "Bsae")));
        assertEquals("stagecraft: no stage '7'; stage indexes go from 0 to 2; stages: base, build, final",
                oneLineExitTwo(CliTest.run("build", p.toString(), "--target", "7")));
    }

    @Test
    void aBinaryDockerfileIsOneLine() {
        String line = oneLineExitTwo(CliTest.run("build", dir.toString(), "-f", "/bin/ls"));
        assertTrue(line.contains("/bin/ls"), line);
    }

    @Test
    void aDockerfileOverTenMegabytesIsOneLine() throws Exception {
        Path big = dir.resolve("Big.Dockerfile");
        Files.writeString(big, "FROM scratch\n" + "# padding padding padding padding padding\n".repeat(270_000));
        assertTrue(Files.size(big) > 11_000_000);
        String line = oneLineExitTwo(CliTest.run("build", dir.toString(), "-f", big.toString()));
        assertTrue(line.contains(big.toString()), line);
    }

    @Test
    void aDockerfileThatIsNotUtf8IsOneLine() throws Exception {
        Path latin1 = dir.resolve("Latin1.Dockerfile");
        Files.write(latin1, "FROM scratch\nLABEL author=\"Ren\u00e9\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String line = oneLineExitTwo(CliTest.run("build", dir.toString(), "-f", latin1.toString()));
        assertTrue(line.contains(latin1.toString()) && line.contains("UTF-8"), line);
    }

    @Test
    void aContextThatIsAFileOrMissingIsOneLine() throws Exception {
        Path p = project(THREE_STAGES);
        Path file = p.resolve("Dockerfile");
        assertEquals("stagecraft: build context " + file + " is a file, not a folder",
                oneLineExitTwo(CliTest.run("build", file.toString())));
        assertEquals("stagecraft: build context " + dir.resolve("nowhere") + " does not exist",
                oneLineExitTwo(CliTest.run("build", dir.resolve("nowhere").toString())));
    }

    @Test
    void noDockerfileAndNoStageAreOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("stagecraft: no Dockerfile at " + empty.resolve("Dockerfile") + " (use -f)",
                oneLineExitTwo(CliTest.run("build", empty.toString())));
        Path p = project("# only a comment\n");
        assertEquals("stagecraft: the Dockerfile has no stage (no FROM)",
                oneLineExitTwo(CliTest.run("build", p.toString())));
    }
}
