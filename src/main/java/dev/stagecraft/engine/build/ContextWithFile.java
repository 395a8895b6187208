package dev.stagecraft.engine.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A context plus one file of the caller's, e.g. a Dockerfile whose unnamed stages were given
 * names so that BuildKit can build them with {@code --target} (see {@link StageImages}): stage
 * names are not part of BuildKit's cache keys, so such a build is still served from the cache.
 * The tar is rewritten as it streams, on a thread of its own. Immutable.
 */
public final class ContextWithFile implements TarSource {
    private final TarSource base;
    private final String name;
    private final byte[] content;

    public ContextWithFile(TarSource base, String name, String text) {
        this.base = base;
        this.name = name;
        this.content = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = base.open();
        PipedInputStream piped = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(piped);
        Thread writer = new Thread(() -> {
            try (in) {
                copyWithFile(in, out);
                out.close();
            } catch (IOException e) {
                // The reader went away (a cancelled build), or the context could not be read. The
                // pipe is left unclosed on purpose: its reader then fails ("write end dead")
                // instead of sending the engine a tar that ends early.
            }
        }, "context-with-file");
        writer.setDaemon(true);
        writer.start();
        return piped;
    }

    private void copyWithFile(InputStream in, OutputStream sink) throws IOException {
        TarArchiveInputStream tarIn = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        // plain ustar headers, no PAX, unless a name is too long: dockerd 20.10's BuildKit takes an
        // upload for a tar only if its first header parses on its own
        TarArchiveOutputStream tarOut = new TarArchiveOutputStream(sink, StandardCharsets.UTF_8.name());
        tarOut.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tarOut.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        for (TarArchiveEntry e = tarIn.getNextEntry(); e != null; e = tarIn.getNextEntry()) {
            if (e.getName().equals(name)) {
                continue;
            }
            tarOut.putArchiveEntry(plain(e));
            if (e.isFile()) {
                tarIn.transferTo(tarOut);
            }
            tarOut.closeArchiveEntry();
        }
        TarArchiveEntry file = new TarArchiveEntry(name);
        file.setSize(content.length);
        file.setMode(0100644);
        tarOut.putArchiveEntry(file);
        tarOut.write(content);
        tarOut.closeArchiveEntry();
        tarOut.finish();
        tarOut.flush();
    }

    // name, type, mode, owner, size, mtime in whole seconds, link: what a build context needs
    private static TarArchiveEntry plain(TarArchiveEntry e) {
        TarArchiveEntry p = new TarArchiveEntry(e.getName(), (byte) e.getLinkFlag());
        p.setMode(e.getMode());
        p.setUserId(e.getLongUserId());
        p.setGroupId(e.getLongGroupId());
        p.setModTime(e.getModTime().getTime() / 1000 * 1000);
        if (e.isSymbolicLink() || e.isLink()) {
            p.setLinkName(e.getLinkName());
        }
        if (e.isFile()) {
            p.setSize(e.getSize());
        }
        return p;
    }
}
