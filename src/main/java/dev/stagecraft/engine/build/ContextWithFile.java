package dev.stagecraft.engine.build;

import dev.stagecraft.engine.context.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A context plus one file of the caller's, e.g. a Dockerfile whose unnamed stages were given
 * names so that BuildKit can build them with {@code --target} (see {@link StageImages}): stage
 * names are not part of BuildKit's cache keys, so such a build is still served from the cache.
 * The tar is rewritten as it is read, on the reader's thread ({@link TarStream}), so a context
 * file that can't be read fails the reader with its name. Immutable.
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
        return new Rewritten(base.open());
    }

    private final class Rewritten extends TarStream {
        private final InputStream in;
        private final TarArchiveInputStream tarIn;
        private boolean copying;
        private boolean added;

        Rewritten(InputStream in) {
            this.in = in;
            this.tarIn = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
            // plain ustar headers, no PAX, unless a name is too long: dockerd 20.10's BuildKit takes an
            // upload for a tar only if its first header parses on its own
            tar().setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        }

        @Override
        protected boolean step() throws IOException {
            if (copying) {
                byte[] chunk = new byte[CHUNK];
                int n = tarIn.readNBytes(chunk, 0, chunk.length);
                if (n > 0) {
                    tar().write(chunk, 0, n);
                }
                if (n < chunk.length) {
                    copying = false;
                    tar().closeArchiveEntry();
                }
                return true;
            }
            TarArchiveEntry e = tarIn.getNextEntry();
            if (e != null) {
                if (!e.getName().equals(name)) {
                    tar().putArchiveEntry(plain(e));
                    if (e.isFile() && e.getSize() > 0) {
                        copying = true;
                    } else {
                        tar().closeArchiveEntry();
                    }
                }
                return true;
            }
            if (!added) {
                added = true;
                TarArchiveEntry file = new TarArchiveEntry(name);
                file.setSize(content.length);
                file.setMode(0100644);
                tar().putArchiveEntry(file);
                tar().write(content);
                tar().closeArchiveEntry();
                return true;
            }
            return false;
        }

        @Override
        protected void release() throws IOException {
            in.close();
        }
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
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            p.setDevMajor(e.getDevMajor());
            p.setDevMinor(e.getDevMinor());
        }
        if (e.isFile()) {
            p.setSize(e.getSize());
        }
        return p;
    }
}
