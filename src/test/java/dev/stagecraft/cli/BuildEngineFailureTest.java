package dev.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.FakeEngine;
import dev.stagecraft.testing.DockerEngine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft build} as a user runs it, in its own JVM with the user's DOCKER_HOST, where
 * the engine or the input fails: an address Stagecraft can't use, an engine that never answers
 * (TCP and unix socket), one that goes away mid-build, files and folders the user may not read.
 * Each ends with an exit code and one line, never a stack trace or a hang. Tests that need a
 * reader without root's file access run the JVM without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH
 * (setpriv), so that mode 000 means unreadable as it does for users.
 */
class BuildEngineFailureTest {
    /** How long a run may take before the test calls it hung. */
    private static final long HUNG_SECONDS = 120;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, long millis) {
    }

    /** Runs the real command line in a child JVM with {@code env} added, {@code jvm} flags, optionally without root's file access. */
    Run stagecraft(Map<String, String> env, List<String> jvm, boolean asUser, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asUser && "root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.stagecraft.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().putAll(env);
        File out = Files.createTempFile(dir, "out", ".txt").toFile();
        File err = Files.createTempFile(dir, "err", ".txt").toFile();
        long t0 = System.nanoTime();
        Process p = pb.redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(HUNG_SECONDS, TimeUnit.SECONDS)) {
            String threads = threadDump(p);
            p.destroyForcibly();
            throw new AssertionError("stagecraft " + String.join(" ", args) + " still runs after " + HUNG_SECONDS
                    + " s: it hangs\n" + Files.readString(err.toPath()) + "\n" + threads);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()), millis);
    }

    /** The threads of a hung child, to say where it waits. */
    private static String threadDump(Process p) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (java.io.IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /** The run ended with {@code exit} and stderr is one line, which it returns. */
    static String oneLine(Run r, int exit) {
        assertEquals(1, r.err().lines().count(), r.err());
        return lastLine(r, exit);
    }

    /**
     * The run ended with {@code exit}, and after the build's progress lines stderr has one line of
     * Stagecraft's, no trace and no log record, which it returns.
     */
    static String lastLine(Run r, int exit) {
        assertEquals(exit, r.exit(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "a stack trace:\n" + r.err());
        assertFalse(r.err().contains("WARNING:") || r.err().contains("SEVERE:"), "a log record:\n" + r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("stagecraft: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertEquals(lines.get(0), r.err().lines().reduce((a, b) -> b).orElseThrow(), r.err());
        return lines.get(0);
    }

    private Path project(String name, String dockerfile) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.writeString(p.resolve("Dockerfile"), dockerfile);
        return p;
    }

    @Test
    void anUnsupportedDockerHostSaysWhichSchemesWork() throws Exception {
        Path p = project("bogus", "FROM stagecraft-test/busybox\n");
        Run r = stagecraft(Map.of("DOCKER_HOST", "bogus://x"), List.of(), false, "build", p.toString());
        assertEquals("stagecraft: can't use the engine address bogus://x (DOCKER_HOST): Stagecraft does not support "
                + "'bogus://' — use unix:///path/to/docker.sock or tcp://host:port", oneLine(r, 2));
    }

    @Test
    void aTargetTypoFailsBeforeAnythingReachesTheEngine() throws Exception {
        Path p = project("typo", "FROM stagecraft-test/busybox AS base\nFROM base AS build\nFROM scratch AS final\n");
        try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
            Run r = stagecraft(Map.of("DOCKER_HOST", fake.host()), List.of(), false, "build", p.toString(),
                    "--target", "Bsae");
            assertEquals("stagecraft: no stage 'Bsae'; did you mean 'base'? stages: base, build, final", oneLine(r, 2));
            assertEquals(List.of(), fake.requests(), "nothing is sent to the engine");
        }
    }

    @Test
    void anEngineThatNeverAnswersIsOneLineAfterTheTimeLimit() throws Exception {
        Path p = project("silent", "FROM stagecraft-test/busybox\n");
        try (FakeEngine tcp = FakeEngine.tcp(FakeEngine.Mode.SILENT);
             FakeEngine unix = FakeEngine.unix(dir.resolve("docker.sock"), FakeEngine.Mode.SILENT)) {
            for (FakeEngine fake : List.of(tcp, unix)) {
                Run r = stagecraft(Map.of("DOCKER_HOST", fake.host()), List.of("-Dstagecraft.engine.timeout=1"), false,
                        "build", p.toString());
                System.out.printf("BuildEngineFailureTest: %s answered nothing; stagecraft exited after %d ms%n",
                        fake.host(), r.millis());
                assertEquals("stagecraft: no answer from " + fake.host() + " within 1 s — restart dockerd or set "
                        + "DOCKER_HOST", oneLine(r, 2));
            }
        }
    }

    @Test
    void anEngineThatGoesAwayMidBuildIsOneLine() throws Exception {
        Path p = project("dropped", "FROM stagecraft-test/busybox\nRUN true\n");
        for (String builder : List.of("buildkit", "classic")) {
            try (FakeEngine fake = FakeEngine.tcp(FakeEngine.Mode.DROP_DURING_BUILD)) {
                Run r = stagecraft(Map.of("DOCKER_HOST", fake.host()), List.of(), false, "build", p.toString(),
                        "--builder", builder);
                assertEquals("stagecraft: the engine at " + fake.host() + " went away during the build (the connection "
                        + "closed before the build ended)", lastLine(r, 2), builder);
            }
        }
    }

    @Test
    void aBinaryDockerfileIsOneLine() throws Exception {
        String line = oneLine(stagecraft(Map.of(), List.of(), false, "build", dir.toString(), "-f", "/bin/ls"), 2);
        assertTrue(line.contains("/bin/ls"), line);
    }

    @Test
    void anUnreadableContextFolderIsOneLine() throws Exception {
        Path p = project("locked", "FROM stagecraft-test/busybox\n");
        Path df = dir.resolve("outside.Dockerfile");
        Files.writeString(df, "FROM stagecraft-test/busybox\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        try {
            assertEquals("stagecraft: can't read the build context: open " + p + ": permission denied",
                    oneLine(stagecraft(Map.of(), List.of(), true, "build", p.toString()), 2));
            assertEquals("stagecraft: can't read the build context: open " + p + ": permission denied",
                    oneLine(stagecraft(Map.of(), List.of(), true, "build", p.toString(), "-f", df.toString()), 2));
        } finally {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableFileInTheContextIsNamed() throws Exception {
        DockerEngine.require().close();
        Path p = project("secret", "FROM stagecraft-test/busybox\nCOPY . /ctx\n");
        Path secret = p.resolve("secret.pem");
        Files.writeString(secret, "-----BEGIN PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        for (String builder : List.of("buildkit", "classic")) {
            Run r = stagecraft(Map.of(), List.of(), true, "build", p.toString(), "--builder", builder);
            assertEquals("stagecraft: can't send the build context: open " + secret + ": permission denied",
                    lastLine(r, 1), builder);
        }
    }
}
