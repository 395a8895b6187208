package dev.stagecraft.project;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves a user's file the way careful editors do. Through a symlink the link's target is written
 * (the link stays a link). Normally a temporary file beside the target is written, fsynced, given
 * the target's mode, owner and group, renamed over it, and the folder fsynced: a crash leaves the
 * old or the new text. It writes in place instead when the file has several hard links (a rename
 * would split them), when the owner or group cannot be kept (not root), or when the folder is
 * read-only; an in-place write first grows the file, so a full disk leaves the old text. Any
 * failure is a {@link TextFileException} naming the user's file, never the temporary one.
 * Blocking; any thread.
 */
final class FileSave {
    private static final System.Logger LOG = System.getLogger(FileSave.class.getName());
    private static final int MAX_LINKS = 40;

    private FileSave() {
    }

    /** Writes {@code bytes} to {@code file} (as the user named it) by the rules above. */
    static void write(Path file, byte[] bytes) throws TextFileException {
        Path target;
        try {
            target = target(file);
        } catch (IOException e) {
            throw failure(file, file, e);
        }
        try {
            Map<String, Object> unix = unixAttributes(target);
            boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (exists && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new TextFileException("cannot save " + file + ": it is not a regular file");
            }
            if (exists && !Files.isWritable(target)) {
                throw new TextFileException("cannot save " + file + ": the file is read-only");
            }
            if (exists && unix != null && ((Number) unix.get("nlink")).intValue() > 1) {
                writeInPlace(target, bytes);
                return;
            }
            Path tmp;
            try {
                tmp = Files.createTempFile(target.getParent(), tempPrefix(target), TEMP_SUFFIX);
            } catch (FileSystemException e) {
                if (!exists) {
                    throw e;
                }
                LOG.log(Level.DEBUG, "cannot create a temporary file beside {0} ({1}): writing in place", target,
                        e.getReason());
                writeInPlace(target, bytes);
                return;
            }
            try {
                AtomicFile.writeFully(tmp, bytes);
                if (!copyAttributes(target, exists ? unix : null, tmp)) {
                    Files.delete(tmp);
                    writeInPlace(target, bytes);
                    return;
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                AtomicFile.syncDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (TextFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(file, target, e);
        }
    }

    private static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file younger than this may belong to a save in progress (another window's, say). */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

    /** {@code .Dockerfile.stagecraft-save-}: the name a save's temporary file starts with, beside its file. */
    static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".stagecraft-save-";
    }

    /**
     * Temporary files a save of {@code file} left beside it when it was interrupted (Stagecraft
     * killed between writing and renaming): they lie in the build context, so the window offers to
     * delete them. Only names Stagecraft makes, regular files, older than a minute. Blocking; never
     * throws (an unreadable folder has none to report).
     */
    public static List<Path> leftovers(Path file) {
        try {
            Path target = target(file);
            String prefix = tempPrefix(target);
            Instant before = Instant.now().minus(LEFTOVER_AGE);
            try (Stream<Path> siblings = Files.list(target.getParent())) {
                return siblings.filter(p -> {
                    String n = p.getFileName().toString();
                    if (!n.startsWith(prefix) || !n.endsWith(TEMP_SUFFIX)
                            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        return false;
                    }
                    try {
                        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before);
                    } catch (IOException e) {
                        return false;
                    }
                }).sorted().toList();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot look for leftovers beside {0}: {1}", file, e.toString());
            return List.of();
        }
    }

    /**
     * Where a save of {@code file} lands: symlinks followed, also a dangling one (Save creates its
     * target, as editors do); a missing folder is an error.
     */
    static Path target(Path file) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new NoSuchFileException(file.toString(), null, "its folder does not exist");
        }
        return parent.toRealPath().resolve(p.getFileName());
    }

    /** mode, uid, gid and nlink of an existing file, or null where the file system has no such view. */
    private static Map<String, Object> unixAttributes(Path target) throws IOException {
        if (!Files.exists(target) || !target.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return null;
        }
        return Files.readAttributes(target, "unix:mode,uid,gid,nlink", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Gives {@code tmp} the mode, owner and group of the file it replaces (or the usual mode of a
     * new file); false when owner or group cannot be kept, so the caller writes in place.
     */
    private static boolean copyAttributes(Path target, Map<String, Object> unix, Path tmp) throws IOException {
        if (unix == null) {
            if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            return true;
        }
        Map<String, Object> now = Files.readAttributes(tmp, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        try {
            if (!now.get("gid").equals(unix.get("gid"))) {
                Files.setAttribute(tmp, "unix:gid", unix.get("gid"), LinkOption.NOFOLLOW_LINKS);
            }
            if (!now.get("uid").equals(unix.get("uid"))) {
                Files.setAttribute(tmp, "unix:uid", unix.get("uid"), LinkOption.NOFOLLOW_LINKS);
            }
        } catch (FileSystemException e) {
            LOG.log(Level.DEBUG, "cannot give a new copy of {0} its owner ({1}): writing in place", target,
                    e.getReason());
            return false;
        }
        // after chown, which may clear set-id bits
        Files.setAttribute(tmp, "unix:mode", ((Number) unix.get("mode")).intValue() & 07777, LinkOption.NOFOLLOW_LINKS);
        return true;
    }

    /**
     * Overwrites the existing {@code target} itself (same inode: links, owner, mode, ACLs stay).
     * Grows the file first, so running out of space fails before a byte of the old text changes.
     */
    private static void writeInPlace(Path target, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            long old = ch.size();
            if (bytes.length > old) {
                try {
                    writeAt(ch, ByteBuffer.wrap(bytes, (int) old, bytes.length - (int) old), old);
                    ch.force(false);
                } catch (IOException e) {
                    ch.truncate(old);
                    throw e;
                }
            }
            writeAt(ch, ByteBuffer.wrap(bytes, 0, (int) Math.min(old, bytes.length)), 0);
            ch.truncate(bytes.length);
            ch.force(true);
        }
    }

    private static void writeAt(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    /** One sentence naming the user's file (and the link's target), never a temporary file. */
    private static TextFileException failure(Path file, Path target, Exception e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = ((NoSuchFileException) e).getReason() != null ? ((NoSuchFileException) e).getReason()
                    : "its folder does not exist";
        } else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            reason = ((FileSystemException) e).getReason();
        } else {
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        LOG.log(Level.WARNING, "save of " + file + " failed", e);
        String where = target.equals(file.toAbsolutePath().normalize()) ? file.toString() : file + " (" + target + ")";
        return new TextFileException("cannot save " + where + ": " + reason, e);
    }
}
