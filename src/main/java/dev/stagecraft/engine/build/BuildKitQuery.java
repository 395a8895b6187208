package dev.stagecraft.engine.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The request line of a BuildKit build, {@code POST /build?version=2&...}, from a
 * {@link BuildRequest}, with the parameters the Docker CLI sends for the same flags. Pure.
 */
final class BuildKitQuery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildKitQuery() {
    }

    /** The path and query; {@code buildId} lets {@code POST /build/cancel?id=} find the build. */
    static String path(BuildRequest r, String buildId) {
        StringBuilder q = new StringBuilder("/build?version=2&rm=1&forcerm=1");
        add(q, "buildid", buildId);
        add(q, "dockerfile", r.dockerfile());
        if (r.target() != null) {
            add(q, "target", r.target());
        }
        if (!r.buildArgs().isEmpty()) {
            add(q, "buildargs", json(r.buildArgs()));
        }
        if (r.noCache()) {
            add(q, "nocache", "1");
        }
        if (r.pull()) {
            add(q, "pull", "1");
        }
        if (r.platform() != null) {
            add(q, "platform", r.platform());
        }
        for (String tag : r.tags()) {
            add(q, "t", tag);
        }
        if (!r.labels().isEmpty()) {
            add(q, "labels", json(r.labels()));
        }
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String json(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
