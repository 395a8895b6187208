package dev.stagecraft.report.layers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** {@code stagecraft layers --format json}: the shape other tools read (documented in the README). Stateless. */
public final class LayersJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LayersJson() {
    }

    @JsonPropertyOrder({"image", "size", "wastedBytes", "efficiency", "layers", "wasted"})
    record Doc(String image, long size, long wastedBytes, double efficiency, List<LayerJson> layers,
               List<WastedFile> wasted) {
    }

    @JsonPropertyOrder({"index", "diffId", "size", "createdBy", "line", "stage", "added", "modified", "removed",
            "files"})
    record LayerJson(int index, String diffId, long size, String createdBy, Integer line, Integer stage, int added,
                     int modified, int removed, @JsonInclude(JsonInclude.Include.NON_NULL) List<FileJson> files) {
    }

    @JsonPropertyOrder({"path", "type", "mode", "size", "change"})
    record FileJson(String path, String type, String mode, long size, String change) {
    }

    /** The report; each layer's {@code files} only when {@code withFiles}. */
    public static String render(LayersReport r, boolean withFiles) {
        List<LayerJson> layers = r.layers().stream().map(l -> new LayerJson(l.index(), l.diffId(), l.size(),
                l.createdBy(), l.line(), l.stage(), l.added(), l.modified(), l.removed(),
                withFiles ? l.files().stream().map(f -> new FileJson(f.path(), f.type().label(), f.modeString(),
                        f.size(), f.change().label())).toList() : null)).toList();
        Doc doc = new Doc(r.id(), r.size(), r.wastedBytes(), ratio(r.efficiency()), layers, r.wasted());
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four decimals: enough to tell 99.99 % from 100 %, short enough to read. */
    static double ratio(double r) {
        return Math.floor(r * 10_000) / 10_000;
    }
}
