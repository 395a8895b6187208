package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Stagecraft remembers about one Dockerfile that is not Dockerfile text, stored next to it
 * as {@code <name>.stagecraft.json}: node positions (keyed by stage name, else {@code #index}),
 * the target stage, the last build's size per stage. The schema is open: fields this version does not know (build args, sizes
 * written by later versions or other parts) are kept and written back unchanged.
 * Mutable; owned by one document on the FX thread.
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

    /** {@code Dockerfile} → {@code Dockerfile.stagecraft.json} in the same directory. */
    public static Path pathFor(Path dockerfile) {
        return dockerfile.resolveSibling(dockerfile.getFileName() + ".stagecraft.json");
    }

    public Map<String, NodePosition> positions() {
        return positions;
    }

    public void setPositions(Map<String, NodePosition> p) {
        positions = new LinkedHashMap<>(p);
    }

    /** The target stage (name, or index as text); null for the last stage. */
    public String target() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** The last build's image size per stage key (name, else {@code #index}); empty before any build. */
    public Map<String, Long> sizes() {
        return sizes == null ? Map.of() : sizes;
    }

    public void setSizes(Map<String, Long> s) {
        sizes = s == null ? null : new LinkedHashMap<>(s);
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
