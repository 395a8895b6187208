package dev.stagecraft.engine.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code .dockerignore} rules exactly as the Docker CLI applies them (moby/patternmatcher and its
 * ignorefile reader): {@code #} comments, blank lines, {@code *}, {@code ?}, {@code [...]},
 * {@code **}, {@code !} re-includes, paths cleaned ({@code ./a/} is {@code a}, a leading
 * {@code /} is dropped). The last matching rule wins; a rule matching a parent directory matches
 * everything under it. Immutable; thread-safe.
 */
public final class DockerIgnore {
    private record Rule(String pattern, boolean exclusion, Pattern regex) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Parses the text of a {@code .dockerignore} file. */
    public static DockerIgnore parse(String text) {
        List<String> patterns = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String raw : body.split("\r?\n", -1)) {
            if (raw.startsWith("#")) {
                continue;
            }
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                p = clean(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            patterns.add(invert ? "!" + p : p);
        }
        return of(patterns);
    }

    /** Rules from already-read patterns ({@code !} marks a re-include). */
    public static DockerIgnore of(List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = clean(p);
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                if (p.length() == 1) {
                    throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
                }
                p = p.substring(1);
            }
            rules.add(new Rule(p, exclusion, compile(p)));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** This set of rules plus more at the end. */
    public DockerIgnore plus(List<String> patterns) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(of(patterns).rules);
        return new DockerIgnore(List.copyOf(all));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether any rule re-includes something (then excluded directories must still be walked). */
    public boolean hasExclusions() {
        return rules.stream().anyMatch(Rule::exclusion);
    }

    /** Whether the context path ({@code a/b/c}, forward slashes) is left out of the build context. */
    public boolean excludes(String path) {
        boolean matched = false;
        String parent = parentOf(path);
        String[] parentDirs = parent.split("/");
        for (Rule r : rules) {
            if (r.exclusion() != matched) {
                continue; // an include can't change a match, an exclusion only undoes one
            }
            boolean match = r.regex().matcher(path).matches();
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < parentDirs.length && !match; i++) {
                    prefix.append(i == 0 ? "" : "/").append(parentDirs[i]);
                    match = r.regex().matcher(prefix).matches();
                }
            }
            if (match) {
                matched = !r.exclusion();
            }
        }
        return matched;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    /** patternmatcher's translation of a pattern into a regular expression. */
    static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++; // "**/" is "**"
                    }
                    re.append(i + 1 >= n ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (i + 1 < n) {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else {
                    re.append("\\\\");
                }
            } else if (c == '[' || c == ']') {
                re.append(c);
            } else if (inClass(pattern, i)) {
                // inside [...]: ranges and ^ keep their meaning; Java's own class syntax (&&) does not
                re.append(c == '&' ? "\\&" : String.valueOf(c));
            } else if (Character.isLetterOrDigit(c) || c == '/') {
                re.append(c);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        re.append('$');
        try {
            return Pattern.compile(re.toString());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad .dockerignore pattern '" + pattern + "': " + e.getDescription());
        }
    }

    /** Whether position {@code i} lies inside a {@code [...]} class. */
    private static boolean inClass(String p, int i) {
        int open = p.lastIndexOf('[', i - 1);
        return open >= 0 && p.lastIndexOf(']', i - 1) < open;
    }

    /** Go's filepath.Clean for slash paths: no empty, "." or ".." parts, no trailing slash. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        String[] parts = path.split("/");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
