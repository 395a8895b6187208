package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.GeneratedDockerfile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate JVM, as users start it ({@code java -cp ... dev.stagecraft.app.Main}):
 * the exit code, and stderr without a stack trace, for the inputs that used to hang or crash it.
 */
class CliProcessTest {
    /** Far above what any case takes (about a second): only a hang reaches it. */
    private static final long HANG_SECONDS = 120;

    record Result(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    @Test
    void aFifoAndADeviceAreOneLineAndExitTwo() throws Exception {
        Path fifo = dir.resolve("Dockerfile");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        assertOneLine(run(List.of(), Map.of(), "graph", fifo.toString()), 2, "is a FIFO (named pipe)");
        assertOneLine(run(List.of(), Map.of(), "print", "/dev/zero"), 2, "is a character device");
    }

    @Test
    void anUnknownTargetAndABadBuildArgAreOneLineAndExitTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM alpine AS base\nFROM scratch AS final\n");
        assertOneLine(run(List.of(), Map.of(), "graph", f.toString(), "--target", "Bsae"), 2,
                "stagecraft: no stage 'Bsae'; did you mean 'base'? stages: base, final");
        assertOneLine(run(List.of(), Map.of(), "graph", f.toString(), "--build-arg", "=v"), 2,
                "the name before '=' is empty");
    }

    @Test
    void aBuildArgWithoutValueComesFromTheEnvironment() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "ARG TAG=default\nFROM alpine:${TAG}\n");
        Result r = run(List.of(), Map.of("TAG", "3.20"), "graph", f.toString(), "--build-arg", "TAG");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"baseResolved\" : \"alpine:3.20\""), r.out());
    }

    @Test
    void deepNestingAndLongChainsExitZeroWithoutATrace() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep"),
                "FROM " + GeneratedDockerfile.nestedDefaults(1500, "busybox") + "\n");
        Result g = run(List.of(), Map.of(), "graph", deep.toString(), "--strict");
        assertEquals(0, g.exit(), g.err());
        assertEquals("", g.err());
        Path chain = Files.writeString(dir.resolve("chain"), GeneratedDockerfile.forwardChain(6000));
        Result p = run(List.of(), Map.of(), "print", chain.toString());
        assertEquals(0, p.exit(), p.err());
        assertEquals(Files.readString(chain), p.out());
        Result graph = run(List.of(), Map.of(), "graph", chain.toString(), "--target", "s0", "--strict");
        assertEquals(0, graph.exit(), graph.err());
        assertEquals("", graph.err());
    }

    @Test
    void aFileTheUserCannotReadIsOneLineAndExitTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        // root reads any file; root without its capabilities (CAP_DAC_OVERRIDE...) reads as a user does
        List<String> asUser = isRoot() ? List.of("setpriv", "--inh-caps=-all", "--ambient-caps=-all",
                "--bounding-set=-all") : List.of();
        assertOneLine(run(asUser, Map.of(), "graph", f.toString()), 2,
                "stagecraft: cannot read " + f + ": permission denied");
    }

    private static void assertOneLine(Result r, int exit, String contains) {
        assertEquals(exit, r.exit(), r.err());
        assertTrue(r.err().contains(contains), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return id.waitFor() == 0 && uid.equals("0");
    }

    private Result run(List<String> prefix, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.stagecraft.app.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process p = pb.start();
        if (!p.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("stagecraft " + String.join(" ", args) + " hung; stderr: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
