package dev.stagecraft.engine.context;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file of the build context could not be read while it was being sent; the message names it
 * the way docker does ("can't send the build context: open /src/app/key.pem: permission denied").
 * Builders look for it among the causes of a failed upload.
 */
public final class ContextUnreadable extends IOException {
    private static final long serialVersionUID = 1L;

    /** A file that failed while the context was being sent. */
    public ContextUnreadable(Path file, IOException cause) {
        this("can't send the build context", file, cause);
    }

    private ContextUnreadable(String what, Path file, IOException cause) {
        super(what + ": open " + file + ": " + why(cause), cause);
    }

    /** A file or folder that failed while the context was being listed, before anything is sent. */
    public static ContextUnreadable listing(Path file, IOException cause) {
        return new ContextUnreadable("can't read the build context", file, cause);
    }

    /** The first one among {@code e} and its causes, if any. */
    public static ContextUnreadable in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContextUnreadable c) {
                return c;
            }
        }
        return null;
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
