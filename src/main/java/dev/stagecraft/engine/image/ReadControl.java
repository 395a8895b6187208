package dev.stagecraft.engine.image;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * How one image read runs: whether it hashes file contents (only a comparison needs them), whom it
 * tells its progress, and a way to stop it. {@link #cancel()} may be called from any thread but the
 * FX thread: it sets a flag the reader checks at every tar entry and closes the export stream, so a
 * read blocked on the engine returns too (closing may wait for the reading thread's hold on the
 * stream, which is why the window cancels on its read pool); the read then throws
 * {@link CancellationException}. Thread-safe.
 */
public final class ReadControl {
    private static final System.Logger LOG = System.getLogger(ReadControl.class.getName());

    private final boolean hashContents;
    private final ReadProgress progress;
    private volatile boolean cancelled;
    private Closeable stream;

    public ReadControl(boolean hashContents, ReadProgress progress) {
        this.hashContents = hashContents;
        this.progress = progress == null ? ReadProgress.NONE : progress;
    }

    /** No hashing, no progress. */
    public static ReadControl plain() {
        return new ReadControl(false, null);
    }

    public boolean hashContents() {
        return hashContents;
    }

    public ReadProgress progress() {
        return progress;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Stops the read: it throws {@link CancellationException} soon after. Closing the stream may
     * wait briefly for the reading thread, so call it off the FX thread.
     */
    public void cancel() {
        Closeable s;
        synchronized (this) {
            cancelled = true;
            s = stream;
        }
        closeQuietly(s);
    }

    /** The stream {@link #cancel()} closes; closed at once if the read was already cancelled. */
    void attach(Closeable s) {
        boolean late;
        synchronized (this) {
            stream = s;
            late = cancelled;
        }
        if (late) {
            closeQuietly(s);
        }
    }

    /** Throws when the read was cancelled; called at every tar entry. */
    void check() {
        if (cancelled) {
            throw new CancellationException("image read cancelled");
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // the read is being abandoned: a failing close changes nothing for the user
            LOG.log(System.Logger.Level.DEBUG, "closing a cancelled image read", e);
        }
    }
}
