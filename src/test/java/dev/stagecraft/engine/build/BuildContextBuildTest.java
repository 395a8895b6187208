package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.context.BuildContext;
import dev.stagecraft.testing.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory's context, .dockerignore applied, built by each builder: what the RUN sees is what was sent. */
@Tag("docker")
class BuildContextBuildTest {
    @TempDir
    Path dir;

    @Test
    void theClassicBuilderSeesTheContextMinusTheIgnoredFiles() throws Exception {
        buildsTheContext(engine -> new ClassicBuilder(engine));
    }

    // dockerd 20.10's BuildKit takes an upload for a tar only if the first entry parses within its
    // first bytes; BuildContext's tar starts with a PAX header (BIGNUMBER_POSIX + File entries
    // carry atime/ctime), so BuildKit reads the tar as the Dockerfile: "unknown instruction:
    // ./PAXHEADERS.X/.DOCKERIGNORE". Passes with BIGNUMBER_STAR in BuildContext.writeTo.
    @Test
    void theBuildKitBuilderSeesTheContextMinusTheIgnoredFiles() throws Exception {
        buildsTheContext(engine -> new BuildKitBuilder(engine));
    }

    // the same context rewritten with plain headers (and a file more) builds: the PAX header is the difference
    @Test
    void theBuildKitBuilderBuildsTheContextRewrittenWithAFileMore() throws Exception {
        BuildContext context = listingContext();
        try (Engine engine = DockerEngine.require()) {
            Recorder rec = new Recorder();
            BuildResult r = new BuildKitBuilder(engine).build(BuildRequest.of("Dockerfile").withNoCache(true),
                    new ContextWithFile(context::stream, "extra.txt", "x"), rec);
            assertTrue(r.success(), r.error() + "\n" + rec.dump());
            List<String> listed = rec.all(BuildEvent.Log.class).stream().filter(l -> l.step() == 3)
                    .map(BuildEvent.Log::text).sorted().toList();
            assertEquals(List.of(".dockerignore", "Dockerfile", "extra.txt", "kept.txt"), listed, rec.dump());
        }
    }

    /** A context whose Dockerfile lists what reached it; {@code secret.env} is ignored. */
    private BuildContext listingContext() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM stagecraft-test/busybox\nCOPY . /ctx\nRUN ls -A /ctx\n");
        Files.writeString(dir.resolve("kept.txt"), "kept");
        Files.writeString(dir.resolve("secret.env"), "no");
        Files.writeString(dir.resolve(".dockerignore"), "*.env\n");
        BuildContext context = BuildContext.of(dir, dir.resolve("Dockerfile"));
        return context;
    }

    private void buildsTheContext(Function<Engine, ImageBuilder> builders) throws Exception {
        BuildContext context = listingContext();
        try (Engine engine = DockerEngine.require()) {
            Recorder rec = new Recorder();
            BuildResult r = builders.apply(engine).build(BuildRequest.of(context.dockerfileName()).withNoCache(true),
                    context::stream, rec);
            assertTrue(r.success(), r.error() + "\n" + rec.dump());
            List<String> listed = rec.all(BuildEvent.Log.class).stream().filter(l -> l.step() == 3)
                    .map(BuildEvent.Log::text).sorted().toList();
            assertEquals(List.of(".dockerignore", "Dockerfile", "kept.txt"), listed, rec.dump());
        }
    }
}
