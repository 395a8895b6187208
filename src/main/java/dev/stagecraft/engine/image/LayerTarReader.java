package dev.stagecraft.engine.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer tar (plain, gzip or zstd, told by its magic) from a stream in one pass, keeping
 * each entry's metadata and never its content (a file's bytes are skipped, or hashed when the
 * read asks for hashes). Whiteouts ({@code .wh.<name>}) and opaque markers
 * ({@code .wh..wh..opq}) become {@link EntryType#WHITEOUT} and {@link EntryType#OPAQUE} entries;
 * other {@code .wh..wh.} names are aufs bookkeeping and are dropped. Does not close the stream it
 * reads. One instance per layer, on the reading thread.
 */
final class LayerTarReader {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String WHITEOUT_META_PREFIX = ".wh..wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";

    /** How much of a file is read between two cancel checks and progress ticks. */
    private static final int CHUNK = 1 << 20;

    private final ReadControl control;
    private final Runnable tick;
    private final Runnable onEntry;
    private final byte[] buffer = new byte[1 << 16];

    /**
     * @param tick    called every megabyte inside a file (the export reader reports progress from it)
     * @param onEntry called after every entry
     */
    LayerTarReader(ReadControl control, Runnable tick, Runnable onEntry) {
        this.control = control;
        this.tick = tick;
        this.onEntry = onEntry;
    }

    /** Reads the layer whose (possibly compressed) bytes start at {@code in}'s position. */
    LayerContent read(BufferedInputStream in, Compression compression) throws IOException {
        InputStream plain = compression.open(in);
        // names are UTF-8 in the tars Go writes; PAX headers say so too. Never the platform default.
        TarArchiveInputStream tar = new TarArchiveInputStream(plain, StandardCharsets.UTF_8.name());
        List<LayerEntry> entries = new ArrayList<>();
        long files = 0;
        long symlinks = 0;
        MessageDigest sha = control.hashContents() ? sha256() : null;
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            control.check();
            String hash = e.isFile() && !e.isLink() ? consume(tar, sha) : null;
            LayerEntry entry = entry(e, hash);
            if (entry != null) {
                entries.add(entry);
                if (entry.type() == EntryType.FILE) {
                    files += entry.size();
                } else if (entry.type() == EntryType.SYMLINK) {
                    symlinks += entry.size();
                }
            }
            onEntry.run();
        }
        return new LayerContent(entries, files, symlinks, compression);
    }

    /** The entry as the image sees it, or null for the root and aufs bookkeeping. */
    static LayerEntry entry(TarArchiveEntry e, String sha256) {
        String path = normalise(e.getName());
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String parent = slash == 0 ? "/" : path.substring(0, slash);
        String base = path.substring(slash + 1);
        int mode = e.getMode() & 07777;
        if (base.startsWith(WHITEOUT_PREFIX)) {
            if (base.equals(OPAQUE_MARKER)) {
                return new LayerEntry(parent, EntryType.OPAQUE, mode, 0, null, null);
            }
            if (base.startsWith(WHITEOUT_META_PREFIX)) {
                return null;
            }
            String removed = (parent.equals("/") ? "" : parent) + "/" + base.substring(WHITEOUT_PREFIX.length());
            return new LayerEntry(removed, EntryType.WHITEOUT, mode, 0, null, null);
        }
        if (e.isDirectory()) {
            return new LayerEntry(path, EntryType.DIR, mode, 0, null, null);
        }
        if (e.isSymbolicLink()) {
            String target = e.getLinkName();
            return new LayerEntry(path, EntryType.SYMLINK, mode, target.getBytes(StandardCharsets.UTF_8).length,
                    target, null);
        }
        if (e.isLink()) {
            return new LayerEntry(path, EntryType.HARDLINK, mode, 0, normalise(e.getLinkName()), null);
        }
        if (e.isFile()) {
            return new LayerEntry(path, EntryType.FILE, mode, e.getSize(), null, sha256);
        }
        return new LayerEntry(path, EntryType.OTHER, mode, 0, null, null);
    }

    /** "./usr//bin/" → "/usr/bin"; "" and "./" → "/". */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int cut = out.lastIndexOf("/");
                out.setLength(Math.max(cut, 0));
                continue;
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /**
     * Reads a file's content through, a megabyte at a time, checking for a cancel and ticking
     * progress in between (one huge file must not make a cancel wait); hashes it when asked.
     */
    private String consume(InputStream in, MessageDigest sha) throws IOException {
        if (sha != null) {
            sha.reset();
        }
        int sinceTick = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (sha != null) {
                sha.update(buffer, 0, n);
            }
            sinceTick += n;
            if (sinceTick >= CHUNK) {
                sinceTick = 0;
                control.check();
                tick.run();
            }
        }
        return sha == null ? null : HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
