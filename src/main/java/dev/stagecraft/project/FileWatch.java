package dev.stagecraft.project;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reports when one file's content changes on disk (another editor, {@code git checkout}). Watches
 * the file's folder (and, for a symlink, its target's folder), so a save by rename, a delete and
 * a re-create are all seen; a burst of events is coalesced ({@link #SETTLE_MILLIS}) and the
 * content compared with the last known {@link DiskVersion}, so a touch or a rewrite with the same
 * bytes is not a change. Every {@link #POLL_MILLIS} it also compares size and time, for file
 * systems whose events do not arrive (network mounts) or a folder that was replaced.
 * The callback runs on the watch's own daemon thread with the new version, or empty when the file
 * is gone; call {@link #known} after a save of your own so it is not reported. Thread-safe.
 */
public final class FileWatch implements AutoCloseable {
    /** Quiet time after the last event before the file is compared. */
    public static final long SETTLE_MILLIS = 150;
    /** Interval of the fallback comparison by size and time. */
    public static final long POLL_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger(FileWatch.class.getName());

    private final Path file;
    private final Consumer<Optional<DiskVersion>> changed;
    private final WatchService watcher;
    private final Set<Path> names = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private Optional<DiskVersion> last; // guarded by this

    /**
     * Watches {@code file}, whose content is {@code known} (as read; null when it does not exist
     * or is unknown: then its current version is the baseline). Blocking only to register the watch.
     * Where the folder cannot be watched (inotify limits, a missing folder) it compares every
     * {@link #POLL_MILLIS} only; the exception is kept for callers written against the first version.
     */
    public FileWatch(Path file, DiskVersion known, Consumer<Optional<DiskVersion>> changed) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.changed = Objects.requireNonNull(changed);
        Optional<DiskVersion> now = known != null ? Optional.of(known) : current(this.file);
        this.last = now != null ? now : Optional.empty();
        WatchService w = null;
        try {
            w = FileSystems.getDefault().newWatchService();
            register(w, this.file);
            Path target = StateDirectory.realPath(this.file);
            if (!target.equals(this.file)) {
                register(w, target);
            }
        } catch (IOException e) {
            // no events (inotify limits, a missing folder): comparing every POLL_MILLIS still works
            LOG.log(Level.WARNING, "cannot watch the folder of {0} ({1}); checking it every {2} ms instead",
                    this.file, StateStore.reason(e), POLL_MILLIS);
            if (w != null) {
                w.close();
            }
            w = null;
        }
        this.watcher = w;
        thread = new Thread(this::run, "stagecraft-watch-" + this.file.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** {@link #FileWatch(Path, DiskVersion, Consumer)} with the file's current version as the baseline. */
    public FileWatch(Path file, Consumer<Optional<DiskVersion>> changed) throws IOException {
        this(file, null, changed);
    }

    public Path file() {
        return file;
    }

    /** The content on disk is now {@code version} (this process saved it): not a change to report. */
    public synchronized void known(DiskVersion version) {
        last = Optional.ofNullable(version);
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the watch of " + file + ": " + e.getMessage());
        }
        thread.interrupt();
    }

    private void register(WatchService w, Path f) throws IOException {
        Path folder = f.getParent();
        names.add(f.getFileName());
        folder.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.OVERFLOW);
    }

    private void run() {
        long nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        try {
            while (!closed && watcher == null) {
                Thread.sleep(POLL_MILLIS);
                check(false);
            }
            while (!closed) {
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextPoll - System.nanoTime()));
                WatchKey key = watcher.poll(wait, TimeUnit.MILLISECONDS);
                if (key == null) {
                    nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
                    check(false);
                    continue;
                }
                boolean relevant = drain(key);
                // coalesce: wait until the folder has been quiet for a moment
                for (WatchKey more; (more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    check(true);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "watch of " + file + " stopped", e);
        }
    }

    /** Takes the key's events; true when one may concern the file. */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || names.contains((Path) e.context())) {
                relevant = true;
            }
        }
        if (!key.reset()) {
            relevant = true; // the folder went away: the poll sees whether the file comes back
        }
        return relevant;
    }

    /** Compares the file with the last known version; {@code thorough} hashes even when size and time agree. */
    private void check(boolean thorough) {
        Optional<DiskVersion> before;
        synchronized (this) {
            before = last;
        }
        if (!thorough && before.isPresent()) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (before.get().sameStat(a)) {
                    return;
                }
            } catch (IOException e) {
                // gone: compared below
            }
        }
        Optional<DiskVersion> now = current(file);
        if (now == null) {
            return; // unreadable for now: say nothing rather than "deleted"
        }
        boolean differs = now.isPresent() != before.isPresent()
                || now.isPresent() && !now.get().sameContent(before.get());
        synchronized (this) {
            if (last != before) {
                return; // known() meanwhile: the next event or poll compares again
            }
            last = now;
        }
        if (differs && !closed) {
            try {
                changed.accept(now);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "file change callback for " + file + " failed", e);
            }
        }
    }

    /** The file's version, empty when it is gone, null when it cannot be read now. */
    private static Optional<DiskVersion> current(Path file) {
        try {
            return Optional.of(DiskVersion.of(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }
}
