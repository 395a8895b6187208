package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file earlier versions kept next to a Dockerfile ({@code <name>.stagecraft.json}: node
 * positions keyed by stage name or {@code #index}, the target, the last build's size per stage).
 * That folder is usually the build context, so Stagecraft now keeps this in its
 * {@link StateDirectory}; a sidecar is only read, once, by {@link #migrate} (through
 * {@link StateStore#load}), and never written nor deleted. Mutable; one thread at a time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Sidecar {
    @JsonProperty("version")
    private int version = 1;
    @JsonProperty("positions")
    private Map<String, NodePosition> positions = new LinkedHashMap<>();
    @JsonProperty("target")
    private String target;
    /** Image bytes per stage (name, else {@code #index}) from the last successful build; null until one. */
    @JsonProperty("sizes")
    private Map<String, Long> sizes;
    private final Map<String, JsonNode> other = new LinkedHashMap<>();

    private static final System.Logger LOG = System.getLogger(Sidecar.class.getName());

    /** A sidecar that was read for migration: where it is, what it held, the sentence for the user. */
    record Migrated(Path file, DocumentState state, String message) {
    }

    /**
     * Reads the sidecar of {@code dockerfile}, if there is a usable one, as a {@link DocumentState}.
     * A corrupt sidecar is logged and ignored. Never throws.
     */
    static Optional<Migrated> migrate(Path dockerfile) {
        Path file = pathFor(dockerfile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Sidecar s;
        try {
            s = Json.MAPPER.readValue(file.toFile(), Sidecar.class);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "not migrating unreadable " + file + ": " + StateStore.reason(e));
            return Optional.empty();
        }
        if (s == null) {
            return Optional.empty();
        }
        DocumentState state = DocumentState.empty().withPositions(s.positions()).withTarget(s.target());
        List<String> what = new ArrayList<>();
        if (!s.positions().isEmpty()) {
            what.add("node positions");
        }
        if (s.target() != null) {
            what.add("the target");
        }
        if (!s.sizes().isEmpty()) {
            Long last = s.target() == null ? null : s.sizes().get(s.target());
            Instant when;
            try {
                when = Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                when = null;
            }
            state = state.withSizes(new BuildSizes(when, null, s.target(), s.sizes(), last));
            what.add("build sizes");
        }
        String moved = what.isEmpty() ? "Stagecraft's settings" : String.join(", ", what);
        return Optional.of(new Migrated(file, state, "Moved " + moved + " from " + file
                + " into Stagecraft's own folder; that file is no longer used and can be deleted."));
    }

    /** {@code Dockerfile} → {@code Dockerfile.stagecraft.json} in the same directory. */
    public static Path pathFor(Path dockerfile) {
        return dockerfile.resolveSibling(dockerfile.getFileName() + ".stagecraft.json");
    }

    public Map<String, NodePosition> positions() {
        return positions == null ? Map.of() : positions;
    }

    /** The target stage (name, or index as text); null for the last stage. */
    public String target() {
        return target;
    }

    /** The last build's image size per stage key (name, else {@code #index}); empty before any build. */
    public Map<String, Long> sizes() {
        return sizes == null ? Map.of() : sizes;
    }


    public int version() {
        return version;
    }

    @JsonAnySetter
    void keep(String key, JsonNode value) {
        other.put(key, value);
    }

    @JsonAnyGetter
    Map<String, JsonNode> unknownFields() {
        return other;
    }
}
