package dev.stagecraft.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a {@code .hadolint.yaml} that apply here: {@code ignored}, {@code override}
 * ({@code error:}/{@code warning:}/{@code info:}/{@code style:} lists of rule ids),
 * {@code failure-threshold} and {@code trustedRegistries}; other hadolint keys are accepted and
 * left alone. Rule ids may be hadolint's, BuildKit's check names or Stagecraft's. Found next to
 * the Dockerfile or in a folder above it up to the repository root, else in the user's config.
 * Reading is blocking file I/O; the value is immutable.
 */
public record LintConfig(Set<String> ignored, Map<String, Severity> severities, String failureThreshold,
                         List<String> trustedRegistries, Path source) {

    public static final LintConfig NONE = new LintConfig(Set.of(), Map.of(), null, List.of(), null);
    private static final List<String> NAMES = List.of(".hadolint.yaml", ".hadolint.yml");
    private static final Set<String> THRESHOLDS = Set.of("error", "warning", "info", "style", "ignore", "none");

    /** Why a config file can't be used, in one line. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    /** The options with this config applied (the caller's own ignores and severities are kept too). */
    public LintOptions applyTo(LintOptions options) {
        Set<String> ign = new LinkedHashSet<>(options.ignored());
        ign.addAll(ignored);
        Map<String, Severity> sev = new HashMap<>(severities);
        sev.putAll(options.severities());
        List<String> trusted = options.trustedRegistries().isEmpty() ? trustedRegistries : options.trustedRegistries();
        return options.withIgnored(ign).withSeverities(sev).withTrustedRegistries(trusted);
    }

    /** The config that applies to a Dockerfile, if any: nearest folder first, up to the repository root, then the user's. */
    public static Optional<Path> find(Path dockerfile, Map<String, String> env) {
        Path dir = dockerfile.toAbsolutePath().normalize().getParent();
        while (dir != null) {
            for (String n : NAMES) {
                Path p = dir.resolve(n);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
            dir = dir.getParent();
        }
        List<Path> user = new ArrayList<>();
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (xdg != null && !xdg.isEmpty()) {
            user.add(Path.of(xdg, "hadolint.yaml"));
        }
        if (home != null) {
            user.add(Path.of(home, ".config", "hadolint.yaml"));
            user.add(Path.of(home, ".hadolint", "hadolint.yaml"));
            user.add(Path.of(home, ".hadolint.yaml"));
        }
        return user.stream().filter(Files::isRegularFile).findFirst();
    }

    public static LintConfig read(Path file) throws Invalid {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new Invalid("cannot read config " + file + ": " + e.getMessage());
        }
        return parse(text, file);
    }

    public static LintConfig parse(String text, Path source) throws Invalid {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new Invalid("config " + source + " is not valid YAML: " + msg);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new LintConfig(Set.of(), Map.of(), null, List.of(), source);
        }
        if (!root.isObject()) {
            throw new Invalid("config " + source + " must be a mapping of keys (ignored, override, failure-threshold, "
                    + "trustedRegistries)");
        }
        Set<String> ignored = new LinkedHashSet<>(strings(root, "ignored", source));
        Map<String, Severity> severities = new HashMap<>();
        JsonNode override = root.get("override");
        if (override != null && !override.isNull()) {
            if (!override.isObject()) {
                throw new Invalid("config " + source + ": override must map error/warning/info/style to lists of rules");
            }
            Iterator<Map.Entry<String, JsonNode>> it = override.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Severity s = Severity.parse(e.getKey()).orElseThrow(() -> new Invalid("config " + source
                        + ": override." + e.getKey() + " is not a severity (error, warning, info, style)"));
                for (String id : strings(override, e.getKey(), source)) {
                    severities.put(Rules.find(id).map(Rule::id).orElse(id), s);
                }
            }
        }
        String threshold = null;
        JsonNode t = root.get("failure-threshold");
        if (t != null && !t.isNull()) {
            threshold = t.asText().toLowerCase(java.util.Locale.ROOT);
            if (!THRESHOLDS.contains(threshold)) {
                throw new Invalid("config " + source + ": failure-threshold '" + t.asText()
                        + "' is not one of error, warning, info, style, none");
            }
        }
        List<String> trusted = strings(root, "trustedRegistries", source);
        return new LintConfig(ignored, severities, threshold, trusted, source);
    }

    private static List<String> strings(JsonNode parent, String key, Path source) throws Invalid {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new Invalid("config " + source + ": " + key + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isValueNode()) {
                throw new Invalid("config " + source + ": " + key + " must be a list of strings");
            }
            out.add(x.asText());
        }
        return out;
    }
}
