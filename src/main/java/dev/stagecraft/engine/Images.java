package dev.stagecraft.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads images: {@code GET /images/{id}/json} through docker-java, and {@code GET
 * /images/{id}/history} (which docker-java has no command for) through its HTTP client.
 * Each call ends within the engine's time limit. Blocking; call off the FX thread. Thread-safe.
 */
public final class Images {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Engine engine;

    public Images(Engine engine) {
        this.engine = engine;
    }

    /** The image's id, size and history; within the engine's time limit per call. */
    public ImageInfo inspect(String image) throws IOException {
        InspectImageResponse r;
        try {
            r = engine.call(d -> d.inspectImageCmd(image).exec());
        } catch (RuntimeException e) {
            throw new IOException("can't inspect image " + image + ": " + Engine.reason(e), e);
        }
        return new ImageInfo(r.getId(), r.getSize() == null ? 0 : r.getSize(), history(image));
    }

    /** The image's history, oldest entry first (the engine sends newest first). */
    public List<HistoryEntry> history(String image) throws IOException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/history")
                .build();
        try {
            return engine.callHttp(http -> {
                try (DockerHttpClient.Response response = http.execute(request);
                     InputStream body = response.getBody()) {
                    if (response.getStatusCode() != 200) {
                        throw new IOException("history of " + image + ": HTTP " + response.getStatusCode() + " "
                                + new String(body.readAllBytes(), StandardCharsets.UTF_8).strip());
                    }
                    JsonNode entries = JSON.readTree(body);
                    List<HistoryEntry> out = new ArrayList<>();
                    for (JsonNode e : entries) {
                        out.add(new HistoryEntry(e.path("CreatedBy").asText(""), e.path("Size").asLong(0)));
                    }
                    Collections.reverse(out);
                    return out;
                }
            });
        } catch (RuntimeException e) {
            throw new IOException("can't read the history of " + image + ": " + Engine.reason(e), e);
        }
    }
}
