package dev.stagecraft.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void locationFollowsThePropertyThenXdgThenThePlatform() {
        assertEquals(Paths.get("/p"), StateDirectory.of("/p", Map.of("XDG_STATE_HOME", "/x"), "Linux", "/home/u").root());
        assertEquals(Paths.get("/x/stagecraft"), StateDirectory.of(null, Map.of("XDG_STATE_HOME", "/x"), "Linux", "/home/u").root());
        assertEquals(Paths.get("/home/u/.local/state/stagecraft"),
                StateDirectory.of(null, Map.of("XDG_STATE_HOME", "relative"), "Linux", "/home/u").root(),
                "XDG says relative paths are ignored");
        assertEquals(Paths.get("/home/u/.local/state/stagecraft"), StateDirectory.of(null, Map.of(), "Linux", "/home/u").root());
        assertEquals(Paths.get("/Users/u/Library/Application Support/Stagecraft"),
                StateDirectory.of(null, Map.of(), "Mac OS X", "/Users/u").root());
    }

    @Test
    void aFileIsKnownByItsRealPath() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path linkedFolder = Files.createSymbolicLink(tmp.resolve("linked"), real);
        Path df = Files.writeString(real.resolve("Dockerfile"), "FROM a\n");
        Path realTmp = tmp.toRealPath();
        assertEquals(realTmp.resolve("real/Dockerfile"), StateDirectory.realPath(linkedFolder.resolve("Dockerfile")));
        assertEquals(realTmp.resolve("real/Dockerfile"), StateDirectory.realPath(tmp.resolve("real/../real/Dockerfile")));
        assertEquals(realTmp.resolve("real/new.Dockerfile"), StateDirectory.realPath(linkedFolder.resolve("new.Dockerfile")),
                "not yet existing: its folder's real path and its name");
        assertEquals(tmp.resolve("gone/Dockerfile"), StateDirectory.realPath(tmp.resolve("gone/Dockerfile")));
        assertEquals(df.toRealPath(), StateDirectory.realPath(df));
    }
}
