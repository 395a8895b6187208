package dev.stagecraft.engine.image;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tars in memory: layers with files, links, whiteouts; exports in the docker-archive and OCI layouts. */
public final class Exports {
    private Exports() {
    }

    /** A tar being written: each call adds one entry. */
    public static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream out;

        public Tar() {
            out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        public Tar file(String name, byte[] content) throws IOException {
            return file(name, content, 0644);
        }

        public Tar file(String name, byte[] content, int mode) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            e.setMode(0100000 | mode);
            out.putArchiveEntry(e);
            out.write(content);
            out.closeArchiveEntry();
            return this;
        }

        public Tar file(String name, int size) throws IOException {
            return file(name, new byte[size]);
        }

        public Tar dir(String name) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
            e.setMode(040755);
            out.putArchiveEntry(e);
            out.closeArchiveEntry();
            return this;
        }

        public Tar symlink(String name, String target) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            e.setLinkName(target);
            e.setMode(0120777);
            out.putArchiveEntry(e);
            out.closeArchiveEntry();
            return this;
        }

        public Tar hardlink(String name, String target) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
            e.setLinkName(target);
            e.setMode(0100644);
            out.putArchiveEntry(e);
            out.closeArchiveEntry();
            return this;
        }

        /** {@code .wh.<name>} next to {@code path}'s name. */
        public Tar whiteout(String path) throws IOException {
            int slash = path.lastIndexOf('/');
            return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]);
        }

        public Tar opaque(String dir) throws IOException {
            return file(dir + "/.wh..wh..opq", new byte[0]);
        }

        public byte[] bytes() throws IOException {
            out.finish();
            return bytes.toByteArray();
        }
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    public static byte[] zstd(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new ZstdOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static String config(List<byte[]> layers, List<String> createdBy) {
        StringBuilder diffIds = new StringBuilder();
        for (byte[] l : layers) {
            diffIds.append(diffIds.length() == 0 ? "" : ",").append("\"sha256:").append(sha256(l)).append('"');
        }
        StringBuilder history = new StringBuilder();
        for (String c : createdBy) {
            boolean empty = c.startsWith("EMPTY ");
            history.append(history.length() == 0 ? "" : ",").append("{\"created_by\":\"")
                    .append(empty ? c.substring(6) : c).append('"').append(empty ? ",\"empty_layer\":true" : "")
                    .append('}');
        }
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + diffIds + "]},\"history\":[" + history + "]}";
    }

    /**
     * A docker archive as Docker 20.10 writes it: layer folders and the config first, manifest.json
     * last; a layer that repeats an earlier one is a symlink to it.
     */
    public static byte[] dockerArchive(List<byte[]> layers, List<String> createdBy) throws IOException {
        String config = config(layers, createdBy);
        Tar t = new Tar();
        List<String> paths = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String dir = String.format("%064x", i + 1);
            t.dir(dir);
            t.file(dir + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            t.file(dir + "/json", ("{\"id\":\"" + dir + "\"}").getBytes(StandardCharsets.UTF_8));
            String digest = sha256(layers.get(i));
            int earlier = seen.indexOf(digest);
            if (earlier >= 0) {
                t.symlink(dir + "/layer.tar", "../" + paths.get(earlier).substring(0, 64) + "/layer.tar");
            } else {
                t.file(dir + "/layer.tar", layers.get(i));
            }
            seen.add(digest);
            paths.add(dir + "/layer.tar");
        }
        String configName = sha256(config.getBytes(StandardCharsets.UTF_8)) + ".json";
        t.file(configName, config.getBytes(StandardCharsets.UTF_8));
        StringBuilder ls = new StringBuilder();
        paths.forEach(p -> ls.append(ls.length() == 0 ? "" : ",").append('"').append(p).append('"'));
        t.file("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"test/image:1\"],\"Layers\":["
                + ls + "]}]").getBytes(StandardCharsets.UTF_8));
        t.file("repositories", "{}".getBytes(StandardCharsets.UTF_8));
        return t.bytes();
    }

    /**
     * An OCI layout: index.json points at a nested index whose first entry is an attestation and
     * whose second is the image manifest; blobs are written layers first, JSON last, so the reader
     * meets every layer before it knows the manifest.
     *
     * @param stored each layer as stored (plain, gzip or zstd); diff ids come from {@code layers}
     */
    public static byte[] ociLayout(List<byte[]> layers, List<byte[]> stored, List<String> createdBy)
            throws IOException {
        byte[] config = config(layers, createdBy).getBytes(StandardCharsets.UTF_8);
        StringBuilder ls = new StringBuilder();
        for (byte[] s : stored) {
            ls.append(ls.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                    + "\"digest\":\"sha256:").append(sha256(s)).append("\",\"size\":").append(s.length).append('}');
        }
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[" + ls + "]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] attestation = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + sha256(attestation) + "\",\"size\":" + attestation.length + ",\"platform\":{\"architecture\":"
                + "\"unknown\",\"os\":\"unknown\"},\"annotations\":{\"vnd.docker.reference.type\":"
                + "\"attestation-manifest\"}},{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"sha256:" + sha256(manifest) + "\",\"size\":" + manifest.length
                + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}").getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.index.v1+json\",\"digest\":\"sha256:" + sha256(nested) + "\",\"size\":"
                + nested.length + ",\"annotations\":{\"io.containerd.image.name\":\"test/image:1\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        Tar t = new Tar();
        t.dir("blobs").dir("blobs/sha256");
        List<String> written = new ArrayList<>();
        for (byte[] s : stored) {
            String name = "blobs/sha256/" + sha256(s);
            if (!written.contains(name)) {
                t.file(name, s);
                written.add(name);
            }
        }
        for (byte[] b : List.of(config, manifest, attestation, nested)) {
            t.file("blobs/sha256/" + sha256(b), b);
        }
        t.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        t.file("index.json", index);
        return t.bytes();
    }
}
