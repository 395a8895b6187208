package dev.stagecraft.engine.image;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * How a blob of an export is stored, told by its first bytes (media types lie less often than
 * files are mislabelled, and Docker's own archive names every layer {@code layer.tar}): gzip
 * (1f 8b), zstd (28 b5 2f fd), a tar (the {@code ustar} magic at 257, or an empty archive's zero
 * block), JSON, or something else. Stateless; thread-safe.
 */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** What a blob turned out to be. */
    enum Kind { LAYER, JSON, OTHER }

    static final int SNIFF = 512;

    /** The first bytes of a blob and what they say it is. */
    record Sniffed(Kind kind, Compression compression) {
    }

    /** Looks at the first bytes of {@code in} (which must support mark) without consuming them. */
    static Sniffed sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int n = head.length;
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new Sniffed(Kind.LAYER, GZIP);
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return new Sniffed(Kind.LAYER, ZSTD);
        }
        if (n == SNIFF && (ustar(head) || zeros(head))) {
            return new Sniffed(Kind.LAYER, NONE);
        }
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xff;
            if (c == '{' || c == '[') {
                return new Sniffed(Kind.JSON, NONE);
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
        }
        return new Sniffed(Kind.OTHER, NONE);
    }

    /** The uncompressed stream; closing it does not close {@code in}'s source beyond what it wraps. */
    InputStream open(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new BufferedInputStream(GzipCompressorInputStream.builder().setInputStream(in)
                    .setDecompressConcatenated(true).get(), 1 << 16);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
        };
    }

    private static boolean ustar(byte[] h) {
        return h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }

    private static boolean zeros(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
