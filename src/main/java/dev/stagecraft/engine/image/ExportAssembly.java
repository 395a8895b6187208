package dev.stagecraft.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.engine.HistoryEntry;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Puts an image together from what an export held, once the whole stream has passed: the
 * manifest ({@code manifest.json}, else the OCI {@code index.json} followed through nested
 * indexes to an image manifest), the config (diff ids, history) and the layers read on the way.
 * Pure: works on the maps {@link ExportReader} filled.
 */
final class ExportAssembly {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINKS = 16;

    private final Map<String, byte[]> json;
    private final Map<String, LayerContent> layers;
    private final Map<String, String> links;

    ExportAssembly(Map<String, byte[]> json, Map<String, LayerContent> layers, Map<String, String> links) {
        this.json = json;
        this.layers = layers;
        this.links = links;
    }

    ImageContent assemble(String requested) throws IOException {
        boolean oci = json.containsKey("index.json");
        String configPath;
        List<String> layerPaths = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        if (json.containsKey("manifest.json")) {
            JsonNode entries = parse("manifest.json");
            if (!entries.isArray() || entries.isEmpty()) {
                throw new IOException("the export's manifest.json lists no image");
            }
            JsonNode chosen = entries.get(0);
            for (JsonNode m : entries) {
                for (JsonNode t : m.path("RepoTags")) {
                    if (t.asText().equals(requested)) {
                        chosen = m;
                    }
                }
            }
            configPath = chosen.path("Config").asText(null);
            chosen.path("Layers").forEach(l -> layerPaths.add(l.asText()));
            chosen.path("RepoTags").forEach(t -> tags.add(t.asText()));
        } else if (oci) {
            JsonNode manifest = imageManifest(parse("index.json"), tags, 0);
            configPath = blobPath(manifest.path("config").path("digest").asText(""));
            manifest.path("layers").forEach(l -> layerPaths.add(blobPath(l.path("digest").asText(""))));
        } else {
            throw new IOException("the export has neither manifest.json nor index.json: not an image export");
        }
        if (configPath == null || !json.containsKey(resolve(configPath))) {
            throw new IOException("the export lacks the image config " + configPath);
        }
        byte[] configBytes = json.get(resolve(configPath));
        JsonNode config = parse(configPath, configBytes);
        List<String> diffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
        List<LayerContent> contents = new ArrayList<>();
        for (String p : layerPaths) {
            LayerContent c = layers.get(resolve(p));
            if (c == null) {
                throw new IOException("the export lists layer " + p + " but does not hold it");
            }
            contents.add(c);
        }
        if (diffIds.size() != contents.size()) {
            throw new IOException("the image config lists " + diffIds.size() + " layers, the manifest "
                    + contents.size());
        }
        List<String> createdBy = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<Integer> historyLayers = new ArrayList<>();
        int k = 0;
        for (JsonNode h : config.path("history")) {
            boolean empty = h.path("empty_layer").asBoolean(false);
            String by = h.path("created_by").asText("");
            if (!empty) {
                if (k >= contents.size()) {
                    break;
                }
                createdBy.add(by);
                historyLayers.add(k);
                LayerContent c = contents.get(k++);
                history.add(new HistoryEntry(by, c.fileBytes() + c.symlinkBytes()));
            } else {
                history.add(new HistoryEntry(by, 0));
                historyLayers.add(-1);
            }
        }
        if (createdBy.size() != contents.size()) {
            // a config whose history does not cover its layers (hand-made images): list the layers alone
            createdBy.clear();
            history.clear();
            historyLayers.clear();
            for (LayerContent c : contents) {
                historyLayers.add(history.size());
                history.add(new HistoryEntry("", c.fileBytes() + c.symlinkBytes()));
            }
        }
        List<ImageLayer> out = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            out.add(ImageLayer.measured(i, diffIds.get(i), createdBy.isEmpty() ? null : createdBy.get(i), contents.get(i)));
        }
        return new ImageContent("sha256:" + sha256(configBytes), tags,
                oci ? ImageContent.OCI_LAYOUT : ImageContent.DOCKER_ARCHIVE, out, history, historyLayers);
    }

    /** Follows an OCI index to the image manifest: the first that is not an attestation. */
    private JsonNode imageManifest(JsonNode index, List<String> tags, int depth) throws IOException {
        if (depth > 4) {
            throw new IOException("the export's OCI indexes nest too deep");
        }
        for (JsonNode d : index.path("manifests")) {
            JsonNode annotations = d.path("annotations");
            if ("attestation-manifest".equals(annotations.path("vnd.docker.reference.type").asText())
                    || "unknown".equals(d.path("platform").path("os").asText())) {
                continue;
            }
            String name = annotations.path("io.containerd.image.name").asText(
                    annotations.path("org.opencontainers.image.ref.name").asText(""));
            if (!name.isEmpty() && !tags.contains(name)) {
                tags.add(name);
            }
            String path = blobPath(d.path("digest").asText(""));
            if (!json.containsKey(resolve(path))) {
                throw new IOException("the export's index points at " + path + ", which it does not hold");
            }
            JsonNode blob = parse(path, json.get(resolve(path)));
            String type = d.path("mediaType").asText(blob.path("mediaType").asText(""));
            if (type.contains("index") || type.contains("manifest.list") || blob.has("manifests")) {
                return imageManifest(blob, tags, depth + 1);
            }
            return blob;
        }
        throw new IOException("the export's index.json names no image manifest");
    }

    private JsonNode parse(String name) throws IOException {
        return parse(name, json.get(name));
    }

    private static JsonNode parse(String name, byte[] bytes) throws IOException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            throw new IOException("the export's " + name + " is not valid JSON: " + why, e);
        }
    }

    /** "sha256:abc…" → "blobs/sha256/abc…". */
    static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private String resolve(String path) {
        String p = LayerTarReader.normalise(path).substring(1);
        for (int i = 0; i < MAX_LINKS && links.containsKey(p); i++) {
            p = links.get(p);
        }
        return p;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
