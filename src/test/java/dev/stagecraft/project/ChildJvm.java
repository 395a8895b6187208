package dev.stagecraft.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM on the test class path running one of the test mains, optionally with
 * fewer privileges, so tests can kill it with SIGKILL or let it meet the permission checks an
 * ordinary user meets. Test helper; any thread.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Root without any capability: permission bits apply to it as to the files' owner. */
    static final List<String> WITHOUT_CAPABILITIES = List.of("setpriv", "--inh-caps=-all", "--bounding-set=-all");

    static ProcessBuilder command(List<String> prefix, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmOptions);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Runs to the end (at most a minute) and returns {exit code, stdout, stderr}. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 60 s: " + pb.command());
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    record Result(int exit, String out, String err) {
    }
}
