package dev.stagecraft.report.layers;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** {@code stagecraft diff --format json}: the shape other tools read (documented in the README). Stateless. */
public final class DiffJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    @JsonPropertyOrder({"a", "b", "sizeDelta", "files"})
    record Doc(SideJson a, SideJson b, long sizeDelta, List<FileJson> files) {
    }

    @JsonPropertyOrder({"image", "size"})
    record SideJson(String image, long size) {
    }

    @JsonPropertyOrder({"path", "change", "sizeA", "sizeB"})
    record FileJson(String path, String change, Long sizeA, Long sizeB) {
    }

    public static String render(ImageDiff d) {
        Doc doc = new Doc(new SideJson(d.a().image(), d.a().size()), new SideJson(d.b().image(), d.b().size()),
                d.sizeDelta(), d.files().stream().map(f -> new FileJson(f.path(), f.change().label(), f.sizeA(),
                f.sizeB())).toList());
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
