package dev.stagecraft.lint.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintedFile;
import java.util.List;

/**
 * The fixed JSON shape other tools read: {@code {"files": [{"file", "findings": [{"rule",
 * "severity", "line", "column", "endLine", "endColumn", "stage", "message", "fix"}]}]}}.
 * Lines and columns are 1-based; the end is exclusive. Stateless.
 */
public final class JsonFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFormat() {
    }

    public static String render(List<LintedFile> files) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("files");
        for (LintedFile f : files) {
            ObjectNode file = arr.addObject();
            file.put("file", f.path());
            ArrayNode findings = file.putArray("findings");
            for (Finding x : f.findings()) {
                ObjectNode o = findings.addObject();
                o.put("rule", x.rule().id());
                o.put("severity", x.severity().label());
                o.put("line", x.range().line());
                o.put("column", x.range().column());
                o.put("endLine", x.range().endLine());
                o.put("endColumn", x.range().endColumn());
                if (x.stage() == null) {
                    o.putNull("stage");
                } else {
                    o.put("stage", x.stage());
                }
                o.put("message", x.message());
                o.put("fix", x.fixable());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
