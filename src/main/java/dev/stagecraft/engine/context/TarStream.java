package dev.stagecraft.engine.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A tar written as it is read, on the reader's own thread: each time the reader runs dry the next
 * piece (a header, up to {@link #CHUNK} bytes of a file) is written. No writer thread and no pipe,
 * so a file that can't be read fails the reader's {@code read} with the file's name
 * ({@link ContextUnreadable}) instead of a "write end dead" from a pipe whose writer died, and a
 * tar that stops early is never sent as if it were whole. Single reader; {@link #close} may come
 * from another thread (a cancelled upload): the next read fails.
 */
public abstract class TarStream extends InputStream {
    /** The most bytes of a file's content written per step. */
    protected static final int CHUNK = 64 * 1024;

    private final Buffer buffer = new Buffer();
    private final TarArchiveOutputStream tar;
    private boolean finished;
    private volatile boolean closed;

    protected TarStream() {
        tar = new TarArchiveOutputStream(buffer, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** The tar to write to, for subclasses to configure (big numbers) and fill in {@link #step}. */
    protected final TarArchiveOutputStream tar() {
        return tar;
    }

    /** Writes the next piece to {@link #tar()}; false when everything is written. */
    protected abstract boolean step() throws IOException;

    /** Frees what the subclass holds open (a file being copied); called once, on close. */
    protected void release() throws IOException {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (buffer.available() == 0) {
            if (closed) {
                throw new IOException("the build context stream was closed");
            }
            if (finished) {
                return -1;
            }
            buffer.clear();
            if (!step()) {
                tar.finish();
                tar.flush();
                finished = true;
            }
        }
        return buffer.take(b, off, len);
    }

    @Override
    public int available() {
        return buffer.available();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    /** What the tar wrote and the reader has not taken yet. */
    private static final class Buffer extends ByteArrayOutputStream {
        private int taken;

        int available() {
            return count - taken;
        }

        int take(byte[] b, int off, int len) {
            int n = Math.min(len, available());
            System.arraycopy(buf, taken, b, off, n);
            taken += n;
            return n;
        }

        void clear() {
            reset();
            taken = 0;
        }
    }
}
