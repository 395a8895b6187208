package dev.stagecraft.engine.image;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an image export ({@code docker save}, {@code GET /images/{name}/get}) from a stream in one
 * pass, in either layout: the docker archive ({@code manifest.json}, {@code <id>/layer.tar},
 * {@code <id>.json}) and the OCI layout ({@code index.json}, {@code blobs/sha256/<hex>}, what
 * Docker 25+ saves). Nothing is staged on disk and no file content is kept: every layer blob is
 * read as it passes (its format told by its magic), small JSON blobs are kept, and the image is
 * assembled at the end, since the manifest may come after the layers. A layer stored once and
 * linked from elsewhere (Docker's archive writes a symlink for a repeated layer) is read once.
 * Memory grows with the number of entries, not bytes. Blocking; one read per instance, on the
 * calling thread; cancel it through its {@link ReadControl}.
 */
public final class ExportReader {
    /** JSON blobs above this are not a manifest or a config (an attestation, say): skipped. */
    static final long JSON_LIMIT = 64L << 20;
    private static final long PROGRESS_STEP = 4L << 20;

    private final ReadControl control;
    private final Map<String, byte[]> json = new HashMap<>();
    private final Map<String, LayerContent> layers = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private Counting counted;
    private int layersRead;
    private long entriesRead;
    private long lastReported;

    public ExportReader(ReadControl control) {
        this.control = control;
    }

    /**
     * Reads the export and assembles the image. {@code requested} (the name the user gave, or
     * null) picks the image when the export holds several.
     *
     * @throws java.util.concurrent.CancellationException when the control was cancelled
     * @throws IOException when the stream fails or is not an image export (the message says why)
     */
    public ImageContent read(InputStream export, String requested) throws IOException {
        counted = new Counting(export);
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(counted, 1 << 16),
                StandardCharsets.UTF_8.name());
        TarArchiveEntry e;
        boolean any = false;
        while ((e = nextEntry(tar, any)) != null) {
            any = true;
            control.check();
            String name = LayerTarReader.normalise(e.getName()).substring(1);
            if (e.isSymbolicLink()) {
                String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
                links.put(name, LayerTarReader.normalise(dir + "/" + e.getLinkName()).substring(1));
            } else if (e.isFile()) {
                entry(name, e.getSize(), tar);
            }
            report(true);
        }
        if (!any) {
            throw new IOException("the engine sent an empty export");
        }
        control.check();
        return new ExportAssembly(json, layers, links).assemble(requested);
    }

    private TarArchiveEntry nextEntry(TarArchiveInputStream tar, boolean any) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            control.check(); // a cancel closes the stream under the read: say cancelled, not broken
            if (counted.failure != null) {
                throw counted.failure; // the transport failed (a timeout, say), not the format
            }
            if (!any) {
                throw new IOException("the export is not a tar archive (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private void entry(String name, long size, InputStream in) throws IOException {
        boolean knownJson = name.equals("manifest.json") || name.equals("index.json") || name.endsWith(".json");
        boolean blob = name.endsWith("/layer.tar") || name.startsWith("blobs/");
        if (knownJson && !blob) {
            if (size <= JSON_LIMIT) {
                json.put(name, in.readAllBytes());
            }
            return;
        }
        if (!blob) {
            return; // repositories, VERSION, legacy <id>/json, oci-layout
        }
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        Compression.Sniffed what = Compression.sniff(buffered);
        switch (what.kind()) {
            case JSON -> {
                if (size <= JSON_LIMIT) {
                    json.put(name, buffered.readAllBytes());
                }
            }
            case LAYER -> {
                try {
                    layers.put(name, new LayerTarReader(control, () -> report(false), () -> {
                        entriesRead++;
                        report(false);
                    }).read(buffered, what.compression()));
                } catch (IOException ex) {
                    control.check();
                    if (counted.failure != null) {
                        throw counted.failure;
                    }
                    throw new IOException("layer " + name + " of the export can't be read: " + ex.getMessage(), ex);
                }
                layersRead++;
                report(true);
            }
            case OTHER -> {
                // not a layer or JSON (a signature, say): skipped with the rest of the entry
            }
        }
    }

    private void report(boolean always) {
        long bytes = counted.count;
        if (always || bytes - lastReported >= PROGRESS_STEP) {
            lastReported = bytes;
            control.progress().update(bytes, layersRead, entriesRead);
        }
    }

    /** Counts the bytes read from the export, for progress, and keeps the transport's failure. */
    private static final class Counting extends FilterInputStream {
        long count;
        IOException failure;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    count++;
                }
                return b;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                long s = super.skip(n);
                count += s;
                return s;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
