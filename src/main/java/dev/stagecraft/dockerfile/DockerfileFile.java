package dev.stagecraft.dockerfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a Dockerfile for editing or analysis, refusing with one clear sentence what is not a
 * Dockerfile: a missing path, a directory, anything but a regular file (a FIFO, a device, a
 * socket: checked before opening, so a FIFO cannot block the reader), an unreadable file, binary
 * data, text that is not UTF-8, or more than {@link #MAX_BYTES}. The limit is enforced while
 * reading, not taken from the file's size (which a device reports as 0). Symbolic links to
 * regular files are followed. Blocking I/O: call it off the FX thread. Stateless; thread-safe.
 */
public final class DockerfileFile {
    /** 10 MiB: the largest Dockerfile opened. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String LIMIT = "Dockerfiles over 10 MiB are not opened";

    private DockerfileFile() {
    }

    /** Why a file can't be opened as a Dockerfile: a one-line message for the user. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    public static String read(Path file) throws Unreadable {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows links; opens nothing
        } catch (NoSuchFileException e) {
            throw new Unreadable(Files.isSymbolicLink(file) ? file + " is a symbolic link to a missing file"
                    : "no such file: " + file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (attributes.isDirectory()) {
            throw new Unreadable(file + " is a directory, not a Dockerfile");
        }
        if (!attributes.isRegularFile()) {
            throw new Unreadable(file + " is " + kind(file) + ", not a Dockerfile: only regular files are read");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new Unreadable(file + " is " + size(attributes.size()) + "; " + LIMIT);
        }
        return decode(file.toString(), readAtMost(file));
    }

    /** At most {@link #MAX_BYTES}: a file that grows past it while read is refused, not read to the end. */
    private static byte[] readAtMost(Path file) throws Unreadable {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > MAX_BYTES) {
                        throw new Unreadable(file + " is over 10 MiB; " + LIMIT);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_BYTES + 1, (long) length * 2));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    return Arrays.copyOf(buffer, length);
                }
                length += read;
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file: " + file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static Unreadable cannotRead(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new Unreadable("cannot read " + file + ": permission denied");
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new Unreadable("cannot read " + file + ": " + (reason == null ? e.getClass().getSimpleName() : reason));
    }

    /** What a path that is neither a directory nor a regular file is, from its Unix mode when known. */
    private static String kind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "a FIFO (named pipe)";
                    case 0020000:
                        return "a character device";
                    case 0060000:
                        return "a block device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no Unix view here: say it generally
        }
        return "not a regular file";
    }

    /** A size as people read it: "11.0 MiB"; bytes as well when that rounds to the limit. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        String mib = String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        return bytes > MAX_BYTES && mib.equals("10.0 MiB") ? mib + " (" + bytes + " bytes)" : mib;
    }

    /** Decodes UTF-8 strictly (a BOM is kept as U+FEFF, so printing gives back the same bytes). */
    public static String decode(String name, byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(name + " is " + size(bytes.length) + "; " + LIMIT);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new Unreadable(name + " looks binary (a NUL byte at offset " + i + "), not like a Dockerfile");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new Unreadable(name + " is not UTF-8 text (invalid byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new Unreadable(name + " is not UTF-8 text");
        }
    }
}
