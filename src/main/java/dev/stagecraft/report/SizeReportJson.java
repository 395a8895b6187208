package dev.stagecraft.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** The size report as the JSON other tools read (its shape is documented in the README). */
public final class SizeReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SizeReportJson() {
    }

    @JsonPropertyOrder({"image", "target", "builder", "seconds", "stages", "final", "largestBuilder", "copies"})
    record Doc(String image, String target, String builder, double seconds, List<StageJson> stages,
               @com.fasterxml.jackson.annotation.JsonProperty("final") Ref finalImage, Ref largestBuilder,
               List<CopySize> copies) {
    }

    @JsonPropertyOrder({"index", "name", "image", "size", "needed", "layers"})
    record StageJson(int index, String name, String image, long size, boolean needed, List<LayerJson> layers) {
    }

    @JsonPropertyOrder({"size", "createdBy", "line"})
    record LayerJson(long size, String createdBy, Integer line) {
    }

    @JsonPropertyOrder({"index", "size"})
    record Ref(int index, long size) {
    }

    public static String render(SizeReport r) {
        Doc doc = new Doc(r.image(), r.target(), r.builder(), Math.round(r.seconds() * 10) / 10.0,
                r.stages().stream().map(s -> new StageJson(s.index(), s.name(), s.image(), s.size(), s.needed(),
                        s.layers().stream().map(l -> new LayerJson(l.size(), l.createdBy(), l.line())).toList()))
                        .toList(),
                r.finalImage().map(s -> new Ref(s.index(), s.size())).orElse(null),
                r.largestBuilder().map(s -> new Ref(s.index(), s.size())).orElse(null),
                r.copies());
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
