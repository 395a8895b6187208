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
    /** How a rule matches, as patternmatcher decides from the pattern's characters. */
    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEX }

    private record Rule(String pattern, boolean exclusion, MatchType type, Pattern regex) {
        boolean matches(CharSequence path) {
            String p = path.toString();
            return switch (type) {
                case EXACT -> p.equals(pattern);
                // "dir/**": everything starting with "dir/"
                case PREFIX -> p.startsWith(pattern.substring(0, pattern.length() - 2));
                // "**/name" and "**name": any path ending so; "**/name" also matches "name" itself
                case SUFFIX -> {
                    String suffix = pattern.substring(2);
                    yield p.endsWith(suffix) || suffix.startsWith("/") && p.equals(suffix.substring(1));
                }
                case REGEX -> regex.matcher(p).matches();
            };
        }
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
            rules.add(compileRule(p, exclusion));
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

    /**
     * Whether the CLI, having excluded directory {@code dir}, still walks into it: only when some
     * {@code !} rule's pattern starts with {@code dir/}. So {@code logs} + {@code !logs/keep.log}
     * keeps logs/keep.log, but {@code logs} + {@code !**}{@code /keep.log} does not.
     */
    public boolean walksExcludedDirectory(String dir) {
        String dirSlash = dir + "/";
        return rules.stream().anyMatch(r -> r.exclusion() && (r.pattern() + "/").startsWith(dirSlash));
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
            boolean match = r.matches(path);
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < parentDirs.length && !match; i++) {
                    prefix.append(i == 0 ? "" : "/").append(parentDirs[i]);
                    match = r.matches(prefix);
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

    /** The regular expression patternmatcher would use for {@code pattern} (all match types). */
    static Pattern compile(String pattern) {
        Rule r = compileRule(pattern, false);
        return r.regex() != null ? r.regex() : Pattern.compile(Pattern.quote(pattern));
    }

    /**
     * patternmatcher's compile: the pattern becomes a regular expression, but a pattern with no
     * wildcard is compared as a string, a trailing {@code **} as a prefix and a leading {@code **}
     * as a suffix. Only {@code .+()|{}$} are escaped; other characters pass through as in Go.
     */
    private static Rule compileRule(String pattern, boolean exclusion) {
        StringBuilder re = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    int start = i;
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++; // "**/" is "**"
                    }
                    if (i + 1 >= n) {
                        if (type == MatchType.EXACT) {
                            type = MatchType.PREFIX;
                        } else {
                            re.append(".*");
                            type = MatchType.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        type = MatchType.REGEX;
                    }
                    if (start == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = MatchType.REGEX;
                }
            } else if (c == '?') {
                re.append("[^/]");
                type = MatchType.REGEX;
            } else if (".+()|{}$".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else if (c == '\\') {
                if (i + 1 < n) {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    type = MatchType.REGEX;
                } else {
                    re.append("\\\\");
                }
            } else if (c == '[' || c == ']') {
                re.append(c);
                type = MatchType.REGEX;
            } else if (inClass(pattern, i) && c == '&') {
                re.append("\\&"); // Java's class intersection "&&" means nothing in Go
            } else {
                re.append(c);
            }
        }
        if (type != MatchType.REGEX) {
            return new Rule(pattern, exclusion, type, null);
        }
        try {
            return new Rule(pattern, exclusion, type, Pattern.compile(re.append('$').toString()));
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
