package dev.stagecraft.dockerfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a Dockerfile for editing or analysis, refusing with one clear sentence what is not a
 * Dockerfile: a missing path, a directory, an unreadable file, binary data, text that is not
 * UTF-8, or a file over 10 MB. Blocking I/O: call it off the FX thread for large files.
 */
public final class DockerfileFile {
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private DockerfileFile() {
    }

    /** Why a file can't be opened as a Dockerfile. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    public static String read(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file + " is a directory, not a Dockerfile");
        }
        if (!Files.exists(file)) {
            throw new Unreadable("no such file: " + file);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Unreadable(file + " is " + (size / (1024 * 1024)) + " MB; Dockerfiles over 10 MB are not opened");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
        return decode(file.toString(), bytes);
    }

    /** Decodes UTF-8 strictly (a BOM is kept as U+FEFF, so printing gives back the same bytes). */
    public static String decode(String name, byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(name + " is over 10 MB; Dockerfiles that large are not opened");
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
