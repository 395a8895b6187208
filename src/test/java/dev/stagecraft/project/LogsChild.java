package dev.stagecraft.project;

import java.nio.file.Path;

/** A child JVM that installs the log, logs through System.Logger and SLF4J, and prints the log's path. */
public final class LogsChild {
    private LogsChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file;
        try {
            file = Logs.install(new StateDirectory(Path.of(args[0])));
        } catch (java.io.IOException e) {
            System.out.print("FAILED: " + e.getMessage());
            System.getLogger("dev.stagecraft.test").log(System.Logger.Level.ERROR, "logging is off: not on stderr");
            System.exit(3);
            return;
        }
        System.getLogger("dev.stagecraft.test").log(System.Logger.Level.WARNING, "from System.Logger {0}", 42);
        System.getLogger("dev.stagecraft.test").log(System.Logger.Level.DEBUG, "debug is not logged by default");
        org.slf4j.LoggerFactory.getLogger("com.github.dockerjava.test").warn("from docker-java's SLF4J");
        java.util.logging.Logger.getLogger("").severe("from JUL");
        System.out.print(file);
    }
}
