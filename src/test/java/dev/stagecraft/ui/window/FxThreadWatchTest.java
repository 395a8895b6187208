package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.project.DockerfileText;
import dev.stagecraft.testing.FxThreadWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/** The watch itself: Stagecraft's code reading a file on the FX thread is caught and named. */
class FxThreadWatchTest extends WindowTestBase {
    @TempDir
    Path dir;

    @Test
    void aFileReadOnTheFxThreadFailsTheTest() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine\n");
        interact(() -> {
            try {
                DockerfileText.read(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AssertionError e = assertThrows(AssertionError.class, () -> new FxThreadWatch().afterEach((ExtensionContext) null));
        assertTrue(e.getMessage().contains("on the FX thread, from dev.stagecraft.project."), e.getMessage());
    }
}
