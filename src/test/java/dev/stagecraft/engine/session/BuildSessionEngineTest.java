package dev.stagecraft.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOutcome.Status;
import dev.stagecraft.testing.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session on the real engine where the context fails while it is sent: the window's outcome
 * (and the command line's message) names the file. The file disappears between listing and
 * sending here, which the test can arrange as root; a file the user may not read is the same path
 * (see BuildEngineFailureTest, which runs the command line without root's file access).
 */
@Tag("docker")
class BuildSessionEngineTest {
    @TempDir
    static Path dir;
    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = DockerEngine.require();
    }

    @AfterAll
    static void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void aContextFileThatCannotBeSentIsNamedInTheOutcome(BuilderKind kind) throws Exception {
        Path ctx = Files.createDirectories(dir.resolve(kind + "-" + UUID.randomUUID()));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM stagecraft-test/busybox\nCOPY . /ctx\n");
        Path data = ctx.resolve("data.bin");
        Files.write(data, new byte[300_000]);
        // the session lists the context, says so, then sends it: the file goes in between
        BuildSession s = new BuildSession(engine, BuildOptions.of(ctx.resolve("Dockerfile")).withBuilder(kind), e -> {
            if (e instanceof BuildEvent.Context) {
                try {
                    Files.delete(data);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        });
        BuildOutcome o = s.run();
        System.out.printf("BuildSessionEngineTest %s: %s%n", kind, o.message());
        assertEquals(Status.FAILED, o.status(), o.message());
        assertTrue(o.message().contains("can't send the build context: open " + data + ": no such file or directory"),
                o.message());
        assertEquals(1, o.message().lines().count(), o.message());
    }
}
