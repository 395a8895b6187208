package dev.stagecraft.report.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.SizeReportJson;
import java.util.Map;

/**
 * {@code stagecraft build --report json} with the layer data: each entry of {@code copies} gets the
 * {@code files} it carried ({@code [{"path", "size"}]}), and {@code final} its
 * {@code composition} ({@code {"base", "copied", "own"}}). Everything else is
 * {@link SizeReportJson}'s, unchanged. Stateless.
 */
public final class BuildLayersJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BuildLayersJson() {
    }

    /** @param stageLayers the layers report of each stage image read, by stage index (missing ones get no files) */
    public static String render(SizeReport report, Map<Integer, LayersReport> stageLayers) {
        try {
            ObjectNode doc = (ObjectNode) MAPPER.readTree(SizeReportJson.render(report));
            ArrayNode copies = (ArrayNode) doc.get("copies");
            for (int i = 0; i < report.copies().size(); i++) {
                CopySize c = report.copies().get(i);
                LayersReport receiving = stageLayers.get(c.to());
                ArrayNode files = ((ObjectNode) copies.get(i)).putArray("files");
                if (receiving != null) {
                    CopiedFiles.of(report, c, receiving).ifPresent(cf -> cf.files().forEach(f ->
                            files.addObject().put("path", f.path()).put("size", f.size())));
                }
            }
            JsonNode fin = doc.get("final");
            if (fin instanceof ObjectNode o) {
                Composition comp = Composition.of(report);
                o.putObject("composition").put("base", comp.base()).put("copied", comp.copied()).put("own", comp.own());
            }
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
