package dev.stagecraft.project;

import java.io.IOException;

/** A file Stagecraft refuses to open or could not write; the message is meant for the user. */
public class TextFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public TextFileException(String message) {
        super(message);
    }

    public TextFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
