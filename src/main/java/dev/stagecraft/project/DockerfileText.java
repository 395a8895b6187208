package dev.stagecraft.project;

import dev.stagecraft.dockerfile.DockerfileFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A Dockerfile as read from disk: the text the editor shows ({@code \n} line breaks, no BOM) and
 * what is needed to write it back byte for byte where the user did not edit it (the BOM and the
 * original line terminators). Reading refuses binary, non-UTF-8 and over-10 MB files; writing
 * is atomic (temporary file in the same directory, then rename). Immutable; blocking I/O, so
 * call it off the FX thread for large files (Dockerfiles are small; the window reads inline).
 */
public record DockerfileText(String editorText, boolean bom, String onDisk) {

    /** Files larger than this are refused. */
    public static final long MAX_BYTES = DockerfileFile.MAX_BYTES;

    /** A new, never-saved document. */
    public static DockerfileText fresh(String text) {
        return new DockerfileText(text, false, text);
    }

    public static DockerfileText read(Path file) throws IOException {
        try {
            return of(DockerfileFile.read(file));
        } catch (DockerfileFile.Unreadable e) {
            throw new TextFileException(e.getMessage());
        }
    }

    static DockerfileText decode(String name, byte[] bytes) throws TextFileException {
        try {
            return of(DockerfileFile.decode(name, bytes));
        } catch (DockerfileFile.Unreadable e) {
            throw new TextFileException(e.getMessage());
        }
    }

    /** Splits decoded file text into what the editor shows and what saving needs to restore. */
    private static DockerfileText of(String raw) {
        boolean bom = raw.startsWith("\uFEFF");
        String body = bom ? raw.substring(1) : raw;
        return new DockerfileText(LineEndings.normalize(body), bom, body);
    }

    /** The bytes for {@code edited}: BOM and untouched line terminators as they were read. */
    public byte[] encode(String edited) {
        String body = LineEndings.restore(onDisk, edited);
        return ((bom ? "\uFEFF" : "") + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code edited} atomically and returns the new on-disk state. */
    public DockerfileText write(Path file, String edited) throws IOException {
        byte[] bytes = encode(edited);
        writeAtomically(file, bytes);
        return new DockerfileText(edited, bom, LineEndings.restore(onDisk, edited));
    }

    /** Temp file next to the target, flushed, then renamed over it; keeps POSIX permissions. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(from)
                ? Files.getPosixFilePermissions(from)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        target.setPermissions(perms);
    }
}
