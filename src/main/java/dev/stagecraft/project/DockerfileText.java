package dev.stagecraft.project;

import dev.stagecraft.dockerfile.DockerfileFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A Dockerfile as read from disk: the text the editor shows ({@code \n} line breaks, no BOM),
 * what is needed to write it back byte for byte where the user did not edit it (the BOM and the
 * original line terminators), and the {@link DiskVersion} it was read at (null for a document
 * never read nor saved). Reading refuses binary, non-UTF-8 and over-10 MB files. {@link #write}
 * refuses to overwrite a file that changed on disk since (a {@link ChangedOnDiskException});
 * both writes follow {@link FileSave}'s rules. Immutable; blocking I/O, so call it off the FX thread.
 */
public record DockerfileText(String editorText, boolean bom, String onDisk, DiskVersion version) {

    /** Files larger than this are refused. */
    public static final long MAX_BYTES = DockerfileFile.MAX_BYTES;

    /** Text that was never read from a file (no version). */
    public DockerfileText(String editorText, boolean bom, String onDisk) {
        this(editorText, bom, onDisk, null);
    }

    /** A new, never-saved document. */
    public static DockerfileText fresh(String text) {
        return new DockerfileText(text, false, text, null);
    }

    public static DockerfileText read(Path file) throws IOException {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file); // before reading: a change while reading shows later
        } catch (IOException e) {
            modified = null; // DockerfileFile.read says why in the user's words
        }
        String raw;
        try {
            raw = DockerfileFile.read(file);
        } catch (DockerfileFile.Unreadable e) {
            throw new TextFileException(e.getMessage());
        }
        // strict UTF-8 decoding is lossless, so encoding again gives the bytes that were read
        DiskVersion version = DiskVersion.of(raw.getBytes(StandardCharsets.UTF_8),
                modified != null ? modified : FileTime.fromMillis(0));
        return of(raw, version);
    }

    static DockerfileText decode(String name, byte[] bytes) throws TextFileException {
        try {
            return of(DockerfileFile.decode(name, bytes), null);
        } catch (DockerfileFile.Unreadable e) {
            throw new TextFileException(e.getMessage());
        }
    }

    /** Splits decoded file text into what the editor shows and what saving needs to restore. */
    private static DockerfileText of(String raw, DiskVersion version) {
        boolean bom = raw.startsWith("\uFEFF");
        String body = bom ? raw.substring(1) : raw;
        return new DockerfileText(LineEndings.normalize(body), bom, body, version);
    }

    /**
     * Temporary files an interrupted save of {@code file} left beside it (see {@link FileSave#leftovers}).
     * Blocking; never throws.
     */
    public static java.util.List<Path> saveLeftovers(Path file) {
        return FileSave.leftovers(file);
    }

    /** The bytes for {@code edited}: BOM and untouched line terminators as they were read. */
    public byte[] encode(String edited) {
        String body = LineEndings.restore(onDisk, edited);
        return ((bom ? "\uFEFF" : "") + body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Saves {@code edited} to {@code file} and returns the new on-disk state. Throws
     * {@link ChangedOnDiskException} when this text was read from {@code file} and the file's
     * content changed since (a deleted file is simply written again); on any failure the file is
     * as it was (see {@link FileSave} for the one exception) and this value stays valid.
     */
    public DockerfileText write(Path file, String edited) throws IOException {
        Optional<DiskVersion> now = changedOnDisk(file);
        if (now.isPresent()) {
            throw new ChangedOnDiskException(file, now.get());
        }
        return overwrite(file, edited);
    }

    /** Saves without looking at what is on disk: Save As, or the user chose to overwrite. */
    public DockerfileText overwrite(Path file, String edited) throws IOException {
        byte[] bytes = encode(edited);
        FileSave.write(file, bytes);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            modified = FileTime.fromMillis(0);
        }
        return new DockerfileText(edited, bom, LineEndings.restore(onDisk, edited), DiskVersion.of(bytes, modified));
    }

    /**
     * What is on {@code file} now when it differs from what this text was read at; empty when it
     * is the same, when the file is gone, or when this text was never read from a file. Blocking.
     */
    public Optional<DiskVersion> changedOnDisk(Path file) throws IOException {
        if (version == null) {
            return Optional.empty();
        }
        DiskVersion now;
        try {
            now = DiskVersion.of(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return now.sameContent(version) ? Optional.empty() : Optional.of(now);
    }
}
