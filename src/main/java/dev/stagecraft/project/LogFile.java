package dev.stagecraft.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler appending to one file, {@code stagecraft.log}, shared by every
 * Stagecraft process: past {@code limit} bytes the file becomes {@code stagecraft.log.1} (the
 * older ones shift up to {@code .count-1}, the oldest goes) under a lock file, and a process that
 * finds its file rotated by another reopens the new one. JUL's own FileHandler would give each
 * concurrent process its own numbered file, so Help ▸ About could not name the one to look at.
 * Thread-safe.
 */
final class LogFile extends Handler {
    /** Rotations within this JVM (a file lock cannot be held twice by one JVM). */
    private static final Object ROTATION = new Object();

    private final Path file;
    private final long limit;
    private final int count;
    private FileChannel out; // guarded by this
    private Object fileKey; // guarded by this

    LogFile(Path file, long limit, int count) throws IOException {
        this.file = file;
        this.limit = limit;
        this.count = count;
        Files.createDirectories(file.getParent());
        open();
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        String text;
        try {
            text = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // A FileChannel closes itself when an interrupted thread uses it (a cancelled engine call logs
        // from one): the flag is set aside for the write and restored, and a channel closed anyway
        // (an interrupt arriving mid-write) is reopened once, so one interrupt never ends the log.
        boolean interrupted = Thread.interrupted();
        try {
            write(bytes);
        } catch (ClosedChannelException e) {
            try {
                open();
                write(bytes);
            } catch (IOException again) {
                reportError("cannot write " + file, again, ErrorManager.WRITE_FAILURE);
            }
        } catch (IOException e) {
            reportError("cannot write " + file, e, ErrorManager.WRITE_FAILURE);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (!out.isOpen()) {
            open();
        }
        if (rotatedByAnother()) {
            reopen();
        }
        if (out.size() > 0 && out.size() + bytes.length > limit) {
            rotate();
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    @Override
    public void flush() {
        // every write goes straight to the file (no buffer); the OS keeps it across a crash of the JVM
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError("cannot close " + file, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }

    private void open() throws IOException {
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private void reopen() throws IOException {
        out.close();
        open();
    }

    /** True when {@code stagecraft.log} is no longer the file this handler writes to. */
    private boolean rotatedByAnother() throws IOException {
        if (fileKey == null) {
            return false; // no inode numbers here (Windows): rotation is then per process
        }
        try {
            return !Objects.equals(fileKey, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private void rotate() throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (ROTATION) {
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.lock()) {
                if (!rotatedByAnother()) {
                    for (int i = count - 1; i >= 1; i--) {
                        Path from = i == 1 ? file : numbered(i - 1);
                        if (Files.exists(from)) {
                            Files.move(from, numbered(i), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                reopen();
            }
        }
    }

    private Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }
}
