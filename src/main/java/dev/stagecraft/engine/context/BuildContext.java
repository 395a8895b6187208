package dev.stagecraft.engine.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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
            throw new IOException("build context " + contextDir + " is not a directory");
        }
        Path df = dockerfile.toAbsolutePath().normalize();
        boolean inside = df.startsWith(dir);
        String name = inside ? dir.relativize(df).toString().replace('\\', '/')
                : ".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Path perDockerfile = df.resolveSibling(df.getFileName() + ".dockerignore");
        Path rootIgnore = dir.resolve(".dockerignore");
        Path ignorePath = Files.isRegularFile(perDockerfile) ? perDockerfile
                : Files.isRegularFile(rootIgnore) ? rootIgnore : null;
        DockerIgnore ignore = ignorePath == null ? DockerIgnore.none()
                : DockerIgnore.parse(Files.readString(ignorePath, StandardCharsets.UTF_8));
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
                if (!rules.excludes(name)) {
                    out.add(new Entry(name, f, attrs.isSymbolicLink() ? 0 : attrs.size(), false, attrs.isSymbolicLink()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                throw new IOException("can't read " + f + " for the build context: " + e.getMessage(), e);
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

    /** The tar, written by a background thread as the reader consumes it. */
    public InputStream stream() throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try {
                writeTo(out);
                out.close();
            } catch (IOException e) {
                // Either the reader went away (a cancelled build) or a file could not be read. The
                // pipe is left unclosed on purpose: its reader then fails ("write end dead")
                // instead of sending the engine a tar that ends early.
            }
        }, "build-context-tar");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    /**
     * Writes the tar: entries in name order, owned by root like the CLI's, symlinks kept, times in
     * whole seconds. No PAX headers unless a name needs one: BuildKit's frontend sniffs the first
     * 1 kB of an uploaded context to tell a tar from a bare Dockerfile, and a leading PAX record
     * (as commons-compress writes for a file's atime/ctime) pushes the first header past it.
     */
    public void writeTo(OutputStream sink) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(sink, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Entry e : entries) {
            TarArchiveEntry t;
            if (e.symlink()) {
                t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
                t.setLinkName(Files.readSymbolicLink(e.path()).toString());
            } else {
                t = new TarArchiveEntry(e.directory() ? e.name() + "/" : e.name());
                if (!e.directory()) {
                    t.setSize(Files.size(e.path()));
                }
            }
            put(tar, t, e.path(), mode(e), !e.directory() && !e.symlink());
        }
        // a Dockerfile not on disk yet (an unsaved editor) is added by the caller (ContextWithFile)
        if (outsideDockerfile != null && Files.isRegularFile(outsideDockerfile)) {
            TarArchiveEntry t = new TarArchiveEntry(dockerfileName);
            t.setSize(Files.size(outsideDockerfile));
            put(tar, t, outsideDockerfile, 0100644, true);
        }
        tar.finish();
        tar.flush();
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry t, Path path, int mode, boolean content)
            throws IOException {
        t.setMode(mode);
        t.setIds(0, 0);
        t.setUserName("");
        t.setGroupName("");
        t.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000 * 1000);
        tar.putArchiveEntry(t);
        if (content) {
            Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Entry e) {
        int type = e.directory() ? 040000 : e.symlink() ? 0120000 : 0100000;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(e.path(), LinkOption.NOFOLLOW_LINKS);
            int bits = 0;
            for (PosixFilePermission p : perms) {
                bits |= 1 << (8 - p.ordinal());
            }
            return type | bits;
        } catch (IOException | UnsupportedOperationException ex) {
            return type | (e.directory() ? 0755 : 0644);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d files", dir, fileCount());
    }
}
