package dev.stagecraft.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Turns a docker archive ({@code docker save} of Docker 20.10) into an OCI layout, as Docker 25+
 * saves images: the engine here cannot make one. Layer 1 is stored gzip-compressed and layer 2
 * zstd-compressed (as registries and other tools store them); index.json and the manifest come
 * first this time, the layers after. For small test images: holds the archive in memory.
 */
final class OciLayouts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayouts() {
    }

    static Path fromDockerArchive(Path archive, Path out) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isSymbolicLink()) {
                    String d = e.getName().substring(0, e.getName().lastIndexOf('/'));
                    links.put(e.getName(), Path.of(d).resolve(e.getLinkName()).normalize().toString());
                } else if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        byte[] config = files.get(manifest.get("Config").asText());
        List<byte[]> stored = new ArrayList<>();
        int i = 0;
        for (JsonNode l : manifest.get("Layers")) {
            String p = l.asText();
            byte[] layer = files.get(links.getOrDefault(p, p));
            stored.add(i == 1 ? Exports.gzip(layer) : i == 2 ? Exports.zstd(layer) : layer);
            i++;
        }
        StringBuilder ls = new StringBuilder();
        for (int k = 0; k < stored.size(); k++) {
            String type = k == 1 ? "tar+gzip" : k == 2 ? "tar+zstd" : "tar";
            ls.append(k == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.").append(type)
                    .append("\",\"digest\":\"sha256:").append(Exports.sha256(stored.get(k))).append("\",\"size\":")
                    .append(stored.get(k).length).append('}');
        }
        byte[] ociManifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + Exports.sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[" + ls + "]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + Exports.sha256(ociManifest) + "\",\"size\":" + ociManifest.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        Exports.Tar t = new Exports.Tar();
        t.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        t.file("index.json", index);
        t.dir("blobs").dir("blobs/sha256");
        t.file("blobs/sha256/" + Exports.sha256(ociManifest), ociManifest);
        t.file("blobs/sha256/" + Exports.sha256(config), config);
        List<String> written = new ArrayList<>();
        for (byte[] s : stored) {
            String name = "blobs/sha256/" + Exports.sha256(s);
            if (!written.contains(name)) {
                t.file(name, s);
                written.add(name);
            }
        }
        Files.write(out, t.bytes());
        return out;
    }
}
