package dev.stagecraft.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of this process's unsaved buffers, so a crash loses at most the last seconds of typing.
 * Each process owns a session folder in {@link StateDirectory#recovery()} and holds a lock on
 * {@code <session>.lock} while it lives (the operating system frees it when the process dies, also
 * by {@code kill -9}). {@link #changed} returns at once; the copy is written atomically within
 * {@link #DELAY_MILLIS} on a daemon thread. {@link #orphans()} offers the buffers of sessions
 * whose lock is free (their process died), never those of a live process, and claims them so two
 * live processes are not offered the same buffer. {@link #close()} is the clean exit: call it once
 * every buffer was saved or discarded; the session folder goes. Thread-safe.
 */
public final class Recovery implements AutoCloseable {
    /** How long after a change its copy is written, at most. */
    public static final long DELAY_MILLIS = 1_000;
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private static final int FORMAT = 1;
    private static final String LOCK = ".lock";
    private static final String BUFFER = ".json";
    /** Session folders of this JVM: a lock cannot tell them apart from another live one's. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final StateDirectory dir;
    private final Path session;
    private final FileChannel lockChannel;
    private final DebouncedWriter writer;
    private final Map<String, DiskVersion> readAt = new ConcurrentHashMap<>();
    /** Sessions of dead processes this process claimed in {@link #orphans()}: folder → its lock. */
    private final Map<Path, FileChannel> claimed = new HashMap<>(); // guarded by this
    /** Where each offered orphan lives. */
    private final Map<String, Path> offered = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    /** The copy on disk of one buffer. */
    private record Copy(int version, String id, String file, Instant savedAt, DiskVersionJson readAt, String text) {
    }

    /** {@link DiskVersion} as JSON (its {@code FileTime} as an instant). */
    private record DiskVersionJson(long size, Instant modified, String sha256) {
        static DiskVersionJson of(DiskVersion v) {
            return v == null ? null : new DiskVersionJson(v.size(), v.modified().toInstant(), v.sha256());
        }

        DiskVersion version() {
            return new DiskVersion(size, java.nio.file.attribute.FileTime.from(modified), sha256);
        }
    }

    /** Claims a new session folder for this process. Blocking, small. */
    public Recovery(StateDirectory dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.recovery());
        String name = ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
        Path lockFile = dir.recovery().resolve(name + LOCK);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() == null) {
                throw new IOException("cannot lock " + lockFile);
            }
            // the folder appears only once its lock is held, so nobody takes it for a dead session's
            this.session = Files.createDirectory(dir.recovery().resolve(name));
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
        this.lockChannel = ch;
        LIVE.add(session);
        this.writer = new DebouncedWriter("stagecraft-recovery-writer", DELAY_MILLIS);
    }

    /** This process's session folder. */
    public Path session() {
        return session;
    }

    /**
     * The text of buffer {@code bufferId} (editing {@code file}, null when untitled, read at
     * {@code fileReadAt}, null when unknown or untitled) changed: its copy is written within the
     * delay, latest wins. Returns at once.
     */
    public void changed(String bufferId, Path file, DiskVersion fileReadAt, String text) {
        if (fileReadAt != null) {
            readAt.put(bufferId, fileReadAt);
        }
        Path copy = copyFile(bufferId);
        writer.write(copy, () -> {
            DiskVersion base = readAt.get(bufferId);
            if (base == null && file != null) {
                base = versionOrNull(file); // first copy of a buffer whose read version was not given
                if (base != null) {
                    readAt.putIfAbsent(bufferId, base);
                }
            }
            return bytes(new Copy(FORMAT, bufferId, file == null ? null : file.toAbsolutePath().toString(),
                    Instant.now(), DiskVersionJson.of(base), text));
        });
    }

    /** {@link #changed(String, Path, DiskVersion, String)} with the file's version taken at the first copy. */
    public void changed(String bufferId, Path file, String text) {
        changed(bufferId, file, null, text);
    }

    /** The buffer was saved or discarded: its copy goes (within the delay). Returns at once. */
    public void clean(String bufferId) {
        readAt.remove(bufferId);
        writer.delete(copyFile(bufferId));
    }

    /** Writes every pending copy now (tests, before a risky operation). */
    public void flush() throws IOException {
        writer.flush();
    }

    /**
     * Unsaved buffers of Stagecraft processes that died, newest first; this process claims their
     * sessions until it ends. Copies identical to their file (saved before the crash) and empty
     * sessions are removed silently. Blocking: call it off the FX thread. Never throws: an
     * unreadable copy is logged and left on disk.
     */
    public synchronized List<RecoveredBuffer> orphans() {
        List<RecoveredBuffer> out = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir.recovery())) {
            all.forEach(folders::add);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list recovery folder " + dir.recovery() + ": " + e.getMessage());
            return out;
        }
        for (Path p : folders) {
            String name = p.getFileName().toString();
            if (name.endsWith(LOCK)) {
                Path folder = p.resolveSibling(name.substring(0, name.length() - LOCK.length()));
                if (!Files.exists(folder) && !LIVE.contains(folder)) {
                    removeStaleLock(p); // a process died before it made its folder
                }
                continue;
            }
            if (!Files.isDirectory(p) || p.equals(session) || LIVE.contains(p)) {
                continue;
            }
            if (!claimed.containsKey(p) && !claim(p)) {
                continue; // its process lives
            }
            out.addAll(readSession(p));
        }
        out.sort(Comparator.comparing(RecoveredBuffer::savedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** The user restored or refused {@code buffer}: its copy goes now. Blocking, small. */
    public synchronized void discard(RecoveredBuffer buffer) {
        Path copy = offered.remove(buffer.id());
        if (copy == null) {
            return;
        }
        try {
            AtomicFile.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete recovered copy " + copy + ": " + e.getMessage());
        }
        Path folder = copy.getParent();
        if (offered.values().stream().noneMatch(c -> c.getParent().equals(folder)) && copies(folder).isEmpty()) {
            removeSession(folder, claimed.remove(folder));
        }
    }

    /** Clean exit: pending copies are dropped with the session folder; claimed sessions are freed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        for (Map.Entry<Path, FileChannel> e : claimed.entrySet()) {
            closeQuietly(e.getValue());
        }
        claimed.clear();
        offered.clear();
        removeSession(session, lockChannel);
        LIVE.remove(session);
    }

    private Path copyFile(String bufferId) {
        return session.resolve(StateDirectory.hash(bufferId).substring(0, 32) + BUFFER);
    }

    /** Takes the lock of a session folder: true when its process is gone (the lock is then ours). */
    private boolean claim(Path folder) {
        Path lockFile = folder.resolveSibling(folder.getFileName() + LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return false;
            }
            claimed.put(folder, ch);
            return true;
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch); // held in this JVM: alive
            return false;
        } catch (IOException e) {
            closeQuietly(ch);
            LOG.log(Level.WARNING, "cannot check recovery session " + folder + ": " + e.getMessage());
            return false;
        }
    }

    /** The offered buffers of a claimed session; removes copies not worth offering, and the session if none is. */
    private List<RecoveredBuffer> readSession(Path folder) {
        List<RecoveredBuffer> out = new ArrayList<>();
        for (Path copy : copies(folder)) {
            RecoveredBuffer b = readCopy(folder, copy);
            if (b == null) {
                continue;
            }
            if (b.file() != null && !b.fileChangedSince() && sameAsFile(b)) {
                LOG.log(Level.INFO, "recovered copy of {0} equals the file: removed", b.file());
                deleteQuietly(copy);
                continue;
            }
            offered.put(b.id(), copy);
            out.add(b);
        }
        if (out.isEmpty() && copies(folder).isEmpty()) {
            removeSession(folder, claimed.remove(folder));
        }
        return out;
    }

    private RecoveredBuffer readCopy(Path folder, Path copy) {
        try {
            Copy c = Json.MAPPER.readValue(Files.readAllBytes(copy), Copy.class);
            if (c == null || c.text() == null || c.id() == null) {
                throw new IOException("not a recovery copy");
            }
            Path file = c.file() == null ? null : Path.of(c.file());
            boolean changed = false;
            if (file != null && c.readAt() != null) {
                DiskVersion now = versionOrNull(file);
                changed = now == null || !now.sameContent(c.readAt().version());
            }
            return new RecoveredBuffer(folder.getFileName() + "/" + c.id(), file, c.text(), c.savedAt(), changed);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring unreadable recovery copy " + copy + ": " + StateStore.reason(e));
            return null;
        }
    }

    private static boolean sameAsFile(RecoveredBuffer b) {
        try {
            return DockerfileText.read(b.file()).editorText().equals(b.text());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> copies(Path folder) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*" + BUFFER)) {
            s.forEach(out::add);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list recovery session " + folder + ": " + e.getMessage());
        }
        return out;
    }

    /** Deletes a session folder (with leftovers such as temporary files), then its lock file, then frees the lock. */
    private void removeSession(Path folder, FileChannel lock) {
        try {
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
                    for (Path p : s) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(folder);
            }
            Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + LOCK));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove recovery session " + folder + ": " + e.getMessage());
        } finally {
            closeQuietly(lock);
        }
    }

    private void removeStaleLock(Path lockFile) {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // alive, or gone meanwhile
        }
    }

    private static DiskVersion versionOrNull(Path file) {
        try {
            return DiskVersion.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + p + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a lock: " + e.getMessage());
            }
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
