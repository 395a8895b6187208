package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch's warm-up thread builds its controls off the FX thread without failing, in a cold JVM
 * where it races the FX thread building the window (each is first to some class), and the window
 * still shows the starter example's graph in its theme.
 */
class WarmUpTest {
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dtestfx.headless=true");

    @TempDir
    Path dir;

    @Test
    void warmUpRacesTheWindowColdAndBothFinish() throws Exception {
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(List.of(), HEADLESS, WarmUpChild.class,
                dir.resolve("config").toString(), dir.resolve("state").toString()));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAILURES 0\n"), r.out() + r.err());
        // the starter example (Template.GO) has a build and a final stage
        assertTrue(r.out().matches("(?s).*SHOWN stages=[2-9].*"), r.out() + r.err());
        // the theme survives: a default stylesheet set late from the warm-up thread would replace
        // it, and the theme's looked-up colours would then fail to resolve
        assertFalse(r.err().contains("Could not resolve") || r.err().contains("ClassCastException"), r.err());
    }
}
