package dev.stagecraft.lint.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintedFile;
import dev.stagecraft.lint.Rule;
import dev.stagecraft.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the tool's rules with their help text (only the
 * rules that were reported), and one result per finding with its region (1-based lines and
 * columns, the end column exclusive as SARIF says). Stateless.
 */
public final class SarifFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SarifFormat() {
    }

    public static String render(List<LintedFile> files, String version) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (LintedFile f : files) {
            for (Finding x : f.findings()) {
                rules.putIfAbsent(x.rule().id(), x.rule());
            }
        }
        List<String> ids = new ArrayList<>(rules.keySet());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "stagecraft-lint");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/hadolint/hadolint");
        ArrayNode ruleArr = driver.putArray("rules");
        for (Rule r : rules.values()) {
            ObjectNode o = ruleArr.addObject();
            o.put("id", r.id());
            o.put("name", r.id());
            o.putObject("shortDescription").put("text", r.name());
            o.putObject("fullDescription").put("text", r.explanation());
            String help = r.explanation() + "\n\nBad:\n" + r.bad() + "\n\nGood:\n" + r.good();
            ObjectNode helpNode = o.putObject("help");
            helpNode.put("text", help);
            helpNode.put("markdown", r.explanation() + "\n\nBad:\n```dockerfile\n" + r.bad()
                    + "\n```\n\nGood:\n```dockerfile\n" + r.good() + "\n```");
            if (r.url() != null) {
                o.put("helpUri", r.url());
            }
            o.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (LintedFile f : files) {
            for (Finding x : f.findings()) {
                ObjectNode res = results.addObject();
                res.put("ruleId", x.rule().id());
                res.put("ruleIndex", ids.indexOf(x.rule().id()));
                res.put("level", level(x.severity()));
                res.putObject("message").put("text", x.message());
                ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
                loc.putObject("artifactLocation").put("uri", uri(f.path()));
                ObjectNode region = loc.putObject("region");
                region.put("startLine", x.range().line());
                region.put("startColumn", x.range().column());
                region.put("endLine", x.range().endLine());
                region.put("endColumn", Math.max(x.range().endColumn(), 1));
                if (x.stage() != null) {
                    res.putObject("properties").put("stage", x.stage());
                }
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** SARIF has error, warning, note: info and style are notes. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }

    private static String uri(String path) {
        return path.replace('\\', '/').replace(" ", "%20");
    }
}
