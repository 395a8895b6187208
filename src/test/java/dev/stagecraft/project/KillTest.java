package dev.stagecraft.project;

import dev.stagecraft.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Stagecraft process killed with SIGKILL (no shutdown hook, no flush) has written its state,
 * settings, recent files and unsaved buffers; its buffers are offered to the next process only
 * once it is dead. Waits on conditions with generous bounds; asserts no timing.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES) // a hung child fails the test, never the build
class KillTest {
    private static final long BOUND_MILLIS = 30_000;

    @TempDir
    Path tmp;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + BOUND_MILLIS + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static long count(Path folder, String suffix) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void killedProcessLosesNothingWrittenAndItsBuffersAreOfferedOnlyOnceItIsDead() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path dockerfile = Files.writeString(project.resolve("Dockerfile"), "FROM alpine AS builder\nFROM builder\n");
        StateDirectory state = new StateDirectory(tmp.resolve("state"));
        Path config = tmp.resolve("config");
        Process child = ChildJvm.command(List.of(), List.of(), StateChild.class,
                state.root().toString(), config.toString(), dockerfile.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("session "), "child said " + first);
            Path session = Path.of(first.substring("session ".length()));
            assertEquals("ready", out.readLine());

            await("state, recent files, settings and two buffer copies on disk", () ->
                    Files.exists(state.documentFile(dockerfile)) && Files.exists(state.recentFile())
                            && Files.exists(config.resolve("settings.json")) && count(session, ".json") == 2);
            try (Recovery other = new Recovery(state)) {
                assertEquals(List.of(), other.orphans(), "a live process's buffers are not offered");
            }
            assertTrue(child.isAlive());
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(BOUND_MILLIS, TimeUnit.MILLISECONDS));
        }

        try (StateStore store = new StateStore(state)) {
            DocumentState s = store.load(dockerfile).state();
            assertEquals(Map.of("builder", new NodePosition(12, 34)), s.positions());
            assertEquals(new Viewport(2, 5, 6), s.viewport());
            assertEquals(List.of(dockerfile), store.recent().files());
        }
        assertEquals(777, new SettingsStore(config).load().windowWidth);

        try (Recovery next = new Recovery(state)) {
            List<RecoveredBuffer> orphans = next.orphans();
            assertEquals(2, orphans.size(), orphans.toString());
            RecoveredBuffer doc = orphans.stream().filter(b -> b.file() != null).findFirst().orElseThrow();
            assertEquals(dockerfile.toAbsolutePath(), doc.file());
            assertEquals("FROM alpine AS builder\nFROM builder\nRUN typed before the crash\n", doc.text());
            assertFalse(doc.fileChangedSince());
            RecoveredBuffer untitled = orphans.stream().filter(b -> b.file() == null).findFirst().orElseThrow();
            assertEquals("FROM scratch\n", untitled.text());
            try (Recovery third = new Recovery(state)) {
                assertEquals(List.of(), third.orphans(), "claimed by the process that was offered them");
            }
            next.discard(doc);
            next.discard(untitled);
            assertEquals(List.of(), next.orphans());
        }
        try (Stream<Path> left = Files.list(state.recovery())) {
            assertEquals(List.of(), left.toList(), "sessions of the dead and of the closed are gone");
        }
        try (Stream<Path> beside = Files.list(project)) {
            assertEquals(List.of(dockerfile), beside.toList(), "nothing written beside the Dockerfile");
        }
    }

    @Test
    void aProcessEndedBySigtermWritesWhatIsPending() throws Exception {
        Path dockerfile = Files.writeString(tmp.resolve("Dockerfile"), "FROM a AS a\n");
        StateDirectory state = new StateDirectory(tmp.resolve("state"));
        Process child = ChildJvm.command(List.of(), List.of(), TermChild.class, state.root().toString(),
                dockerfile.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            assertFalse(Files.exists(state.documentFile(dockerfile)), "not written before its delay");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(BOUND_MILLIS, TimeUnit.MILLISECONDS));
        } finally {
            child.destroyForcibly();
        }
        try (StateStore store = new StateStore(state)) {
            assertEquals(Map.of("a", new NodePosition(1, 2)), store.load(dockerfile).state().positions());
        }
    }
}
