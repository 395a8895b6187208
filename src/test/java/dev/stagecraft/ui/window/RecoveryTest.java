package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsaved text survives a crash: a Stagecraft window in a child JVM is killed with SIGKILL after
 * typing; the next launch offers the text back, restores it as unsaved, and the file on disk is
 * never touched.
 */
class RecoveryTest extends WindowTestBase {
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dtestfx.headless=true");

    @TempDir
    Path dir;

    @Test
    void textTypedBeforeAKillIsOfferedAtTheNextLaunch() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM alpine AS base\nFROM base\n");
        Path configDir = dir.resolve("config");
        Path stateDir = dir.resolve("state");
        String typed = "# typed just before the crash\n";
        Process child = ChildJvm.command(List.of(), HEADLESS, RecoveryChild.class, configDir.toString(),
                stateDir.toString(), f.toString(), typed).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals("TYPED")) {
                seen.append(line).append('\n');
            }
            assertEquals("TYPED", line, "the child window did not get to type: " + seen);
            // the child writes its copy about a second after the keystroke; the bound here is generous
            // because a loaded machine is slow, and timing is the benchmark's business, not the test's
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!copyExists(stateDir, typed) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(copyExists(stateDir, typed), () -> "a recovery copy after typing; the state has "
                    + listing(stateDir));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals("FROM alpine AS base\nFROM base\n", Files.readString(f), "the file itself is untouched");

        // the next launch, on the same state
        interact(() -> window.stage().close());
        stores.close();
        stores = WindowStores.at(configDir, stateDir);
        interact(() -> {
            window = new MainWindow(new Stage(), stores, GraphPorts::create);
            window.show(null);
        });
        waitUntil(() -> lookup("Restore").tryQuery().isPresent(), 30); // the stores are read and the recovery folders scanned in the background
        assertTrue(lookup(".notice-text").queryLabeled().getText().contains(f.toString()));
        clickOn("Restore");
        waitUntil(() -> f.toAbsolutePath().equals(window.document().fileProperty().get()));
        assertEquals(typed + "FROM alpine AS base\nFROM base\n", text());
        assertTrue(window.document().isDirty(), "restored as unsaved");
        assertEquals("FROM alpine AS base\nFROM base\n", Files.readString(f), "never over the file");
    }

    private static String listing(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(Path::toString).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean copyExists(Path stateDir, String typed) throws IOException {
        Path recovery = stateDir.resolve("recovery");
        if (!Files.isDirectory(recovery)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(recovery)) {
            // a finished copy only: a temporary file being written (and fsynced) is not one yet, and a
            // kill before its rename leaves nothing to offer
            return all.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains(typed.strip());
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
