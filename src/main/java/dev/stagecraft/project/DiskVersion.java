package dev.stagecraft.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A fingerprint of a file's content as read: its size, modification time and SHA-256. Two
 * versions with the same size and hash hold the same bytes ({@link #sameContent}); the time only
 * lets a watcher skip hashing a file whose size and time did not move. Immutable; any thread.
 */
public record DiskVersion(long size, FileTime modified, String sha256) {

    /**
     * The version of {@code file} now (symlinks followed). Blocking: reads the whole file.
     * Refuses what is not a regular file (a FIFO would block, a device never end).
     */
    public static DiskVersion of(Path file) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        if (!before.isRegularFile()) {
            throw new TextFileException(file + " is not a regular file");
        }
        MessageDigest digest = StateDirectory.sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                size += n;
            }
        }
        return new DiskVersion(size, before.lastModifiedTime(), HexFormat.of().formatHex(digest.digest()));
    }

    /** The version of {@code bytes} read from (or written to) a file last modified at {@code modified}. */
    public static DiskVersion of(byte[] bytes, FileTime modified) {
        return new DiskVersion(bytes.length, modified, HexFormat.of().formatHex(StateDirectory.sha256().digest(bytes)));
    }

    /** True when both hold the same bytes, whatever their times. */
    public boolean sameContent(DiskVersion other) {
        return other != null && size == other.size && sha256.equals(other.sha256);
    }

    /** True when {@code attrs} show the size and time this version was taken at (content very likely the same). */
    boolean sameStat(BasicFileAttributes attrs) {
        return attrs.size() == size && attrs.lastModifiedTime().equals(modified);
    }
}
