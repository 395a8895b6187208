package dev.stagecraft.engine.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files a build sends: the context directory minus what {@code .dockerignore} (or the
 * Dockerfile's own {@code <name>.dockerignore}) leaves out, plus the Dockerfile even when it lies
 * outside the context, as the Docker CLI does. The tar is streamed, never staged on disk.
 * Listing walks the directory once (blocking I/O: off the FX thread); the result is immutable.
 */
public final class BuildContext {
    /** Above this, users are warned and told what is largest. */
    public static final long LARGE_BYTES = 100L * 1000 * 1000;
    private static final System.Logger LOG = System.getLogger(BuildContext.class.getName());

    /** One file, directory or symlink sent, with its path in the context. */
    public record Entry(String name, Path path, long size, boolean directory, boolean symlink) {
    }

    private final Path dir;
    private final String dockerfileName;
    private final Path outsideDockerfile;
    private final List<Entry> entries;
    private final String ignoreFile;

    private BuildContext(Path dir, String dockerfileName, Path outsideDockerfile, List<Entry> entries, String ignoreFile) {
        this.dir = dir;
        this.dockerfileName = dockerfileName;
        this.outsideDockerfile = outsideDockerfile;
        this.entries = List.copyOf(entries);
        this.ignoreFile = ignoreFile;
    }

    /** Lists the context for building {@code dockerfile} with {@code contextDir} as its context. */
    public static BuildContext of(Path contextDir, Path dockerfile) throws IOException {
        Path dir = contextDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IOException(Files.exists(dir) ? "build context " + contextDir + " is a file, not a folder"
                    : "build context " + contextDir + " does not exist");
        }
        Path df = dockerfile.toAbsolutePath().normalize();
        boolean inside = df.startsWith(dir);
        String name = inside ? dir.relativize(df).toString().replace('\\', '/')
                : ".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Path perDockerfile = df.resolveSibling(df.getFileName() + ".dockerignore");
        Path rootIgnore = dir.resolve(".dockerignore");
        Path ignorePath = Files.isRegularFile(perDockerfile) ? perDockerfile
                : Files.isRegularFile(rootIgnore) ? rootIgnore : null;
        DockerIgnore ignore;
        try {
            ignore = ignorePath == null ? DockerIgnore.none()
                    : DockerIgnore.parse(Files.readString(ignorePath, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("can't read " + ignorePath + ": it is not UTF-8 text", e);
        } catch (IOException e) {
            throw ContextUnreadable.listing(ignorePath, e);
        }
        // the CLI always sends the Dockerfile and .dockerignore, whatever the rules say
        List<String> keep = new ArrayList<>();
        if (ignore.excludes(".dockerignore")) {
            keep.add("!.dockerignore");
        }
        if (inside && ignore.excludes(name)) {
            keep.add("!" + name);
        }
        DockerIgnore rules = keep.isEmpty() ? ignore : ignore.plus(keep);
        List<Entry> entries = walk(dir, rules);
        return new BuildContext(dir, name, inside ? null : df, entries,
                ignorePath == null ? null : ignorePath.toString());
    }

    private static List<Entry> walk(Path dir, DockerIgnore rules) throws IOException {
        List<Entry> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = rel(dir, d);
                if (rules.excludes(name)) {
                    // walked (but not sent) only when a "!" rule names a path under it, as the CLI does
                    return rules.walksExcludedDirectory(name) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }
                out.add(new Entry(name, d, 0, true, false));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String name = rel(dir, f);
                // the CLI's archive cannot hold a socket: it logs and leaves it out
                if (attrs.isOther() && fileType(f) == S_IFSOCK) {
                    LOG.log(System.Logger.Level.DEBUG, "{0} is a socket: not sent with the build context", f);
                    return FileVisitResult.CONTINUE;
                }
                if (!rules.excludes(name)) {
                    out.add(new Entry(name, f, attrs.isSymbolicLink() ? 0 : attrs.size(), false, attrs.isSymbolicLink()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                throw ContextUnreadable.listing(f, e);
            }
        });
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    private static String rel(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    public Path directory() {
        return dir;
    }

    /** The Dockerfile's name inside the tar: the {@code dockerfile} build parameter. */
    public String dockerfileName() {
        return dockerfileName;
    }

    /** The ignore file in force, if any. */
    public Optional<String> ignoreFile() {
        return Optional.ofNullable(ignoreFile);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(entries.stream().map(Entry::name).toList());
        if (outsideDockerfile != null) {
            names.add(dockerfileName);
        }
        return names;
    }

    public int fileCount() {
        return (int) entries.stream().filter(e -> !e.directory()).count() + (outsideDockerfile != null ? 1 : 0);
    }

    public long size() {
        long total = entries.stream().mapToLong(Entry::size).sum();
        try {
            return total + (outsideDockerfile != null ? Files.size(outsideDockerfile) : 0);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "no size for " + outsideDockerfile + ": counted as 0", e);
            return total;
        }
    }

    /** The largest files, biggest first. */
    public List<Entry> largest(int n) {
        return entries.stream().filter(e -> !e.directory()).sorted(Comparator.comparingLong(Entry::size).reversed())
                .limit(n).toList();
    }

    /** Bytes under each top-level name ({@code data/} for a directory), biggest first. */
    public List<Map.Entry<String, Long>> largestTopLevel(int n) {
        Map<String, Long> sizes = new HashMap<>();
        for (Entry e : entries) {
            if (e.directory()) {
                continue;
            }
            int slash = e.name().indexOf('/');
            sizes.merge(slash < 0 ? e.name() : e.name().substring(0, slash + 1), e.size(), Long::sum);
        }
        return sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .toList();
    }

    /**
     * Above 100 MB: "build context is 312.0 MB in 1204 files; largest: data/ (290.0 MB), ...; files:
     * data/dump.sql (280.0 MB), ... — add what the build does not need to .dockerignore".
     */
    public Optional<String> warning(java.util.function.LongFunction<String> format) {
        if (size() <= LARGE_BYTES) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("build context is " + format.apply(size()) + " in " + fileCount()
                + " files; largest: ");
        List<Map.Entry<String, Long>> top = largestTopLevel(3);
        for (int i = 0; i < top.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(top.get(i).getKey()).append(" (").append(format.apply(top.get(i).getValue()))
                    .append(')');
        }
        if (top.stream().anyMatch(t -> t.getKey().endsWith("/"))) {
            List<Entry> big = largest(3);
            sb.append("; files: ");
            for (int i = 0; i < big.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(big.get(i).name()).append(" (")
                        .append(format.apply(big.get(i).size())).append(')');
            }
        }
        return Optional.of(sb.append(" — add what the build does not need to .dockerignore").toString());
    }

    /**
     * The tar, written as it is read (on the reader's thread): entries in name order, owned by
     * root like the CLI's, symlinks kept, FIFOs and devices as such (never read), times in whole
     * seconds. No PAX headers unless a name needs one: BuildKit's frontend sniffs the first 1 kB of
     * an uploaded context to tell a tar from a bare Dockerfile, and a leading PAX record (as
     * commons-compress writes for a file's atime/ctime) pushes the first header past it. A file
     * that can't be read fails the read with {@link ContextUnreadable}, naming it.
     */
    public InputStream stream() {
        return new ContextTar();
    }

    /** Writes the whole tar to {@code sink}; see {@link #stream()}. */
    public void writeTo(OutputStream sink) throws IOException {
        try (InputStream in = stream()) {
            in.transferTo(sink);
        }
    }

    private final class ContextTar extends TarStream {
        private int next;
        private boolean dockerfileDone = outsideDockerfile == null;
        private volatile InputStream content;
        private Path contentPath;

        ContextTar() {
            tar().setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        @Override
        protected boolean step() throws IOException {
            if (content != null) {
                return copySome();
            }
            if (next < entries.size()) {
                Entry e = entries.get(next++);
                try {
                    startEntry(e);
                } catch (ContextUnreadable x) {
                    throw x;
                } catch (IOException x) {
                    throw new ContextUnreadable(e.path(), x);
                }
                return true;
            }
            // a Dockerfile not on disk yet (an unsaved editor) is added by the caller (ContextWithFile)
            if (!dockerfileDone) {
                dockerfileDone = true;
                if (Files.isRegularFile(outsideDockerfile)) {
                    try {
                        TarArchiveEntry t = new TarArchiveEntry(dockerfileName);
                        t.setSize(Files.size(outsideDockerfile));
                        put(t, outsideDockerfile, 0100644);
                        open(outsideDockerfile);
                    } catch (ContextUnreadable x) {
                        throw x;
                    } catch (IOException x) {
                        throw new ContextUnreadable(outsideDockerfile, x);
                    }
                }
                return true;
            }
            return false;
        }

        private void startEntry(Entry e) throws IOException {
            TarArchiveEntry t;
            int mode = mode(e);
            int type = mode & 0170000;
            if (e.symlink()) {
                t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
                t.setLinkName(Files.readSymbolicLink(e.path()).toString());
            } else if (e.directory()) {
                t = new TarArchiveEntry(e.name() + "/");
            } else if (type == S_IFIFO || type == S_IFCHR || type == S_IFBLK) {
                // as the CLI's archive does: the node itself, never its content (reading a FIFO blocks)
                t = new TarArchiveEntry(e.name(), type == S_IFIFO ? TarArchiveEntry.LF_FIFO
                        : type == S_IFCHR ? TarArchiveEntry.LF_CHR : TarArchiveEntry.LF_BLK);
                if (type != S_IFIFO) {
                    long rdev = ((Number) Files.getAttribute(e.path(), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                            .longValue();
                    t.setDevMajor((int) ((rdev >>> 8) & 0xfff));
                    t.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & 0xfff00)));
                }
            } else {
                t = new TarArchiveEntry(e.name());
                t.setSize(Files.size(e.path()));
                put(t, e.path(), mode);
                open(e.path());
                return;
            }
            put(t, e.path(), mode);
            tar().closeArchiveEntry();
        }

        private void put(TarArchiveEntry t, Path path, int mode) throws IOException {
            t.setMode(mode);
            t.setIds(0, 0);
            t.setUserName("");
            t.setGroupName("");
            t.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000 * 1000);
            tar().putArchiveEntry(t);
        }

        private void open(Path path) throws IOException {
            contentPath = path;
            content = Files.newInputStream(path);
        }

        /** Up to a chunk of the current file; closes its entry at the end. */
        private boolean copySome() throws IOException {
            byte[] chunk = new byte[CHUNK];
            int n;
            try {
                n = content.readNBytes(chunk, 0, chunk.length);
                if (n > 0) {
                    tar().write(chunk, 0, n);
                }
                if (n < chunk.length) {
                    content.close();
                    content = null;
                    tar().closeArchiveEntry();
                }
            } catch (IOException x) {
                // a file that shrank or grew since it was listed fails here too, with its name
                throw new ContextUnreadable(contentPath, x);
            }
            return true;
        }

        @Override
        protected void release() throws IOException {
            InputStream c = content;
            if (c != null) {
                c.close();
            }
        }
    }

    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** The file type bits of a file that is no directory or symlink: regular, FIFO, device or socket. */
    private static int fileType(Path p) {
        try {
            int t = ((Number) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue() & 0170000;
            return t == S_IFIFO || t == S_IFCHR || t == S_IFBLK || t == S_IFSOCK ? t : 0100000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            LOG.log(System.Logger.Level.DEBUG, "no file type for " + p + ": sent as a regular file", ex);
            return 0100000;
        }
    }

    private static int mode(Entry e) {
        int type = e.directory() ? 040000 : e.symlink() ? 0120000 : fileType(e.path());
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(e.path(), LinkOption.NOFOLLOW_LINKS);
            int bits = 0;
            for (PosixFilePermission p : perms) {
                bits |= 1 << (8 - p.ordinal());
            }
            return type | bits;
        } catch (IOException | UnsupportedOperationException ex) {
            LOG.log(System.Logger.Level.DEBUG, "no permissions for " + e.path() + ": sent as 0755/0644", ex);
            return type | (e.directory() ? 0755 : 0644);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d files", dir, fileCount());
    }
}
