package dev.stagecraft.project;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Stagecraft's one log: every {@code System.Logger} (the JDK's, backed by java.util.logging) and
 * docker-java (through SLF4J's JUL binding) write to {@code logs/stagecraft.log} in the state
 * directory, rotated at 1 MiB with two older files kept; nothing goes to stderr, which belongs to
 * the command line's messages. {@code -Dstagecraft.log.level=FINE} (a JUL level) logs more. Call
 * {@link #install} once, first thing in {@code main}. Thread-safe.
 */
public final class Logs {
    public static final String FILE_NAME = "stagecraft.log";
    static final long LIMIT_BYTES = 1024 * 1024;
    static final int FILES = 3;

    private static Path installed; // guarded by Logs.class
    private static String problem; // guarded by Logs.class

    private Logs() {
    }

    /**
     * Sends all logging to the log file in {@code dir} and returns its path (Help ▸ About names
     * it). Idempotent. When the file cannot be opened, logging is switched off rather than sent to
     * stderr, and the exception says why in one sentence.
     */
    public static synchronized Path install(StateDirectory dir) throws IOException {
        if (installed != null) {
            return installed;
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        root.setLevel(level());
        Path file = dir.logs().resolve(FILE_NAME);
        LogFile handler;
        try {
            handler = new LogFile(file, LIMIT_BYTES, FILES);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
                    ? ((FileSystemException) e).getReason() : e.getClass().getSimpleName();
            problem = "cannot write the log " + file + ": " + reason + "; logging is off";
            throw new TextFileException(problem, e);
        }
        handler.setFormatter(new LineFormat());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        installed = file;
        System.getLogger(Logs.class.getName()).log(System.Logger.Level.INFO, "Stagecraft {0} (pid {1}, Java {2})",
                String.valueOf(Logs.class.getPackage().getImplementationVersion()), ProcessHandle.current().pid(),
                System.getProperty("java.version"));
        return file;
    }

    /** The log file, once {@link #install} succeeded. */
    public static synchronized java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(installed);
    }

    /** One line for Help ▸ About: where the log is, or why there is none. */
    public static synchronized String describe() {
        if (installed != null) {
            return "Log: " + installed;
        }
        return problem != null ? problem : "logging is not set up";
    }

    private static Level level() {
        String wanted = System.getProperty("stagecraft.log.level");
        if (wanted != null) {
            try {
                return Level.parse(wanted.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // not a level: the default
            }
        }
        return Level.INFO;
    }

    /** {@code 2024-05-01T12:00:00.123Z WARNING logger: message}, then the stack trace if any. */
    static final class LineFormat extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(128);
            sb.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(" [").append(Thread.currentThread().getName()).append("]: ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
        }
    }
}
