package dev.stagecraft.project;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes files on one daemon thread, a short while after they change: changes to the same file
 * within the delay are written once, latest wins. A write that fails is logged and tried again
 * later unless a newer change replaced it. {@link #flush()} writes everything pending now and
 * reports the first failure. A JVM that exits without {@link #close()} (System.exit, SIGTERM)
 * writes what is pending from a shutdown hook, for at most {@link #EXIT_MILLIS}; only SIGKILL or a
 * crash of the JVM loses the last changes. Thread-safe: callers return at once; content suppliers
 * run on the writer thread, so they must read only immutable data.
 */
final class DebouncedWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DebouncedWriter.class.getName());
    private static final long RETRY_MILLIS = 5_000;
    /** How long the shutdown hook waits for pending writes. */
    static final long EXIT_MILLIS = 2_000;

    /** One pending write or delete. */
    interface Op {
        void run() throws IOException;
    }

    private final ScheduledExecutorService thread;
    private final long delayMillis;
    private final Map<Path, Op> pending = new LinkedHashMap<>(); // guarded by this
    private boolean scheduled; // guarded by this
    private boolean closed; // guarded by this
    private final Map<Path, String> lastFailure = new HashMap<>(); // writer thread only
    private final Thread exitHook;

    DebouncedWriter(String threadName, long delayMillis) {
        this.delayMillis = delayMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.exitHook = new Thread(this::writeOnExit, threadName + "-exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** Writes {@code content.get()} to {@code file} atomically, within the delay. */
    void write(Path file, Supplier<byte[]> content) {
        submit(file, () -> AtomicFile.write(file, content.get()));
    }

    /** Deletes {@code file} within the delay (a pending write of it is dropped). */
    void delete(Path file) {
        submit(file, () -> AtomicFile.deleteIfExists(file));
    }

    /** Runs {@code op} for {@code key} within the delay, replacing a pending op of the same key. */
    synchronized void submit(Path key, Op op) {
        Objects.requireNonNull(op);
        if (closed) {
            LOG.log(Level.WARNING, "change of {0} after the writer was closed: not written", key);
            return;
        }
        pending.remove(key);
        pending.put(key, op);
        schedule(delayMillis);
    }

    private void schedule(long millis) { // caller holds the lock
        if (!scheduled) {
            scheduled = true;
            thread.schedule(this::drain, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Blocks until everything submitted before the call is on disk; throws the first failure. */
    void flush() throws IOException {
        IOException failure;
        try {
            failure = thread.submit(this::drain).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing Stagecraft's state");
        } catch (ExecutionException e) {
            throw new IOException("cannot write Stagecraft's state: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // closed: close() flushed already
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Writer thread: runs every pending op; a failed one stays pending (unless replaced) for a retry. */
    private IOException drain() {
        Map<Path, Op> batch;
        synchronized (this) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            scheduled = false;
        }
        IOException first = null;
        for (Map.Entry<Path, Op> e : batch.entrySet()) {
            try {
                e.getValue().run();
                lastFailure.remove(e.getKey());
            } catch (IOException | RuntimeException ex) {
                IOException io = ex instanceof IOException ? (IOException) ex
                        : new IOException("cannot write " + e.getKey() + ": " + ex, ex);
                if (first == null) {
                    first = io;
                }
                String message = String.valueOf(ex);
                if (!message.equals(lastFailure.put(e.getKey(), message))) {
                    LOG.log(Level.WARNING, "cannot write " + e.getKey() + "; will retry", ex);
                }
                synchronized (this) {
                    if (!closed) {
                        pending.putIfAbsent(e.getKey(), e.getValue());
                        schedule(RETRY_MILLIS);
                    }
                }
            }
        }
        return first;
    }

    /** Shutdown hook: what is pending goes to disk, if it can within {@link #EXIT_MILLIS}. */
    private void writeOnExit() {
        try {
            IOException failure = thread.submit(this::drain).get(EXIT_MILLIS, TimeUnit.MILLISECONDS);
            if (failure != null) {
                LOG.log(Level.WARNING, "state not written at exit", failure);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed already
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "state not written at exit: " + e);
        }
    }

    /** Writes what is pending (a failure is logged) and stops the thread. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
        try {
            flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "state not written on close", e);
        }
        synchronized (this) {
            closed = true;
            pending.clear();
        }
        thread.shutdown();
    }
}
