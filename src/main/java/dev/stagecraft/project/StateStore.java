package dev.stagecraft.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-Dockerfile {@link DocumentState} and the recent files, kept in the {@link StateDirectory}
 * and written as they change: {@link #update} returns at once and the file is written atomically
 * within {@link #DELAY_MILLIS} on the store's daemon writer thread, latest wins. A Dockerfile is
 * known by its real path (symlinks resolved); its state is never applied to another file. An old
 * {@code <Dockerfile>.stagecraft.json} beside it is read once and migrated; that file is never
 * written nor deleted. Nothing is ever written next to a Dockerfile. Thread-safe.
 */
public final class StateStore implements AutoCloseable {
    /** How long after a change its state file is written, at most. */
    public static final long DELAY_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(StateStore.class.getName());
    private static final int FORMAT = 1;
    /** A state file larger than this is not one Stagecraft wrote: ignored rather than read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Set<String> OWN_FIELDS = Set.of("version", "file", "migratedFrom");
    private static final Set<String> STATE_FIELDS = Set.copyOf(fieldNames(DocumentState.class));

    /** What {@link #load} found: the state, and a sentence for the user when a sidecar was migrated. */
    public record Loaded(DocumentState state, Optional<String> migrated) {
    }

    private final StateDirectory dir;
    private final DebouncedWriter writer;
    /** The latest state of every document this store loaded or updated, by real path. */
    private final Map<Path, Known> known = new HashMap<>(); // guarded by this
    private RecentFiles recent; // guarded by this; null until read
    /** Real path of each path seen, so {@link #update} (on the FX thread) does not touch the disk. */
    private final Map<Path, Path> keys = new java.util.concurrent.ConcurrentHashMap<>();

    /** A document's latest state, the fields of its file this version does not know, its migration note. */
    private record Known(DocumentState state, ObjectNode unknown, String migratedFrom) {
    }

    public StateStore(StateDirectory dir) {
        this(dir, DELAY_MILLIS);
    }

    /** With another delay (tests). */
    StateStore(StateDirectory dir, long delayMillis) {
        this.dir = dir;
        this.writer = new DebouncedWriter("stagecraft-state-writer", delayMillis);
    }

    public StateDirectory directory() {
        return dir;
    }

    /**
     * The state of {@code dockerfile}: what was last updated in this process, else its state
     * file, else a migrated sidecar, else {@link DocumentState#empty()}. Blocking but small; never
     * throws: a corrupt or unreadable state file is logged and gives the empty state.
     */
    public Loaded load(Path dockerfile) {
        Path key = StateDirectory.realPath(dockerfile);
        keys.put(dockerfile, key);
        synchronized (this) {
            Known k = known.get(key);
            if (k != null) {
                return new Loaded(k.state(), Optional.empty());
            }
        }
        Path file = dir.documentFileOf(key);
        Known read = readStateFile(file, key);
        Optional<String> note = Optional.empty();
        if (read == null) {
            Optional<Sidecar.Migrated> side = Sidecar.migrate(key);
            if (side.isEmpty() && !key.equals(dockerfile.toAbsolutePath().normalize())) {
                side = Sidecar.migrate(dockerfile.toAbsolutePath().normalize()); // beside the link, as before
            }
            if (side.isPresent()) {
                read = new Known(side.get().state(), Json.MAPPER.createObjectNode(), side.get().file().toString());
                note = Optional.of(side.get().message());
                LOG.log(Level.INFO, "migrated {0} into {1}", side.get().file(), file);
            } else {
                read = new Known(DocumentState.empty(), Json.MAPPER.createObjectNode(), null);
            }
        }
        synchronized (this) {
            Known raced = known.putIfAbsent(key, read);
            if (raced != null) {
                return new Loaded(raced.state(), Optional.empty());
            }
            if (note.isPresent()) {
                schedule(key, read); // written at once, so the sidecar is migrated once only
            }
        }
        return new Loaded(read.state(), note);
    }

    /**
     * Remembers {@code state} for {@code dockerfile}; returns at once, written within the delay.
     * No disk access for a path given to {@link #load} before (its real path was taken then).
     */
    public void update(Path dockerfile, DocumentState state) {
        Path key = key(dockerfile);
        synchronized (this) {
            Known old = known.get(key);
            Known k = old == null ? new Known(state, Json.MAPPER.createObjectNode(), null)
                    : new Known(state, old.unknown(), old.migratedFrom());
            if (old != null && old.state().equals(state)) {
                return;
            }
            known.put(key, k);
            schedule(key, k);
        }
    }

    /** Forgets everything about {@code dockerfile}: its state file goes (within the delay). */
    public void forget(Path dockerfile) {
        Path key = key(dockerfile);
        Path file = dir.documentFileOf(key);
        synchronized (this) {
            // a migration marker stays so an old sidecar is not migrated again
            Known old = known.get(key);
            if (old != null && old.migratedFrom() != null) {
                Known k = new Known(DocumentState.empty(), Json.MAPPER.createObjectNode(), old.migratedFrom());
                known.put(key, k);
                schedule(key, k);
            } else {
                known.put(key, new Known(DocumentState.empty(), Json.MAPPER.createObjectNode(), null));
                writer.delete(file);
            }
        }
    }

    /** The recent files (read once, then kept in memory). Blocking the first time. */
    public synchronized RecentFiles recent() {
        if (recent == null) {
            recent = readRecent();
        }
        return recent;
    }

    /** Replaces the recent files; returns at once, written within the delay. */
    public synchronized void updateRecent(RecentFiles files) {
        if (files.equals(recent)) {
            return;
        }
        recent = files;
        List<String> paths = files.files().stream().map(Path::toString).toList();
        writer.write(dir.recentFile(), () -> bytes(Map.of("version", FORMAT, "files", paths)));
    }

    /** Blocks until every change made before the call is on disk; throws the first failure. */
    public void flush() throws IOException {
        writer.flush();
    }

    /** Writes what is pending and stops the writer thread. */
    @Override
    public void close() {
        writer.close();
    }

    private Path key(Path dockerfile) {
        return keys.computeIfAbsent(dockerfile, StateDirectory::realPath);
    }

    private void schedule(Path key, Known k) { // caller holds the lock
        Path file = dir.documentFileOf(key);
        writer.write(file, () -> {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("version", FORMAT);
            node.put("file", key.toString());
            if (k.migratedFrom() != null) {
                node.put("migratedFrom", k.migratedFrom());
            }
            node.setAll((ObjectNode) Json.MAPPER.valueToTree(k.state()));
            k.unknown().fields().forEachRemaining(f -> {
                if (!node.has(f.getKey())) {
                    node.set(f.getKey(), f.getValue());
                }
            });
            return bytes(node);
        });
    }

    /** The state file's content, or null when there is none or it is unusable (logged). */
    private Known readStateFile(Path file, Path key) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                LOG.log(Level.WARNING, "ignoring state file {0} of {1}: over {2} bytes", file, key, MAX_FILE_BYTES);
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "ignoring unreadable state file " + file + " of " + key + ": " + reason(e));
            return null;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(bytes);
            if (!(tree instanceof ObjectNode)) {
                throw new IOException("not a JSON object");
            }
            ObjectNode node = (ObjectNode) tree;
            String recorded = node.path("file").asText(null);
            if (recorded != null && !recorded.equals(key.toString())) {
                // same hash, another file: never apply one document's state to another
                LOG.log(Level.WARNING, "state file {0} belongs to {1}, not {2}: ignored", file, recorded, key);
                return null;
            }
            DocumentState state = Json.MAPPER.treeToValue(node, DocumentState.class);
            ObjectNode unknown = node.deepCopy();
            for (Iterator<String> it = unknown.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (OWN_FIELDS.contains(name) || STATE_FIELDS.contains(name)) {
                    it.remove();
                }
            }
            return new Known(state, unknown, node.path("migratedFrom").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring corrupt state file " + file + " of " + key + ": " + reason(e));
            return null;
        }
    }

    /** One line: Jackson's messages add the location on a second line. */
    static String reason(Exception e) {
        if (e instanceof JsonProcessingException) {
            return ((JsonProcessingException) e).getOriginalMessage();
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static List<String> fieldNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (var c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private RecentFiles readRecent() {
        Path file = dir.recentFile();
        try {
            JsonNode tree = Json.MAPPER.readTree(Files.readAllBytes(file));
            List<Path> files = new ArrayList<>();
            for (JsonNode n : tree.path("files")) {
                if (n.isTextual()) {
                    files.add(Path.of(n.asText()));
                }
            }
            return new RecentFiles(files);
        } catch (NoSuchFileException e) {
            return RecentFiles.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring unreadable recent files " + file + ": " + reason(e));
            return RecentFiles.empty();
        }
    }

    private static byte[] bytes(Object value) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(value);
            byte[] out = new byte[json.length + 1];
            System.arraycopy(json, 0, out, 0, json.length);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
