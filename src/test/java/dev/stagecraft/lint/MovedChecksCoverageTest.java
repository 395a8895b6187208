package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Severity;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's and the graph builder's advisory diagnostics moved into lint rules: over every
 * corpus file, every parser golden case and one broken input per moved diagnostic, what the
 * window and the command line show (parser diagnostics plus default-profile lint findings) still
 * covers every line it covered before the move, each moved warning is now a finding of the rule
 * that took it over, and nothing is said twice (the parser keeps errors only). One error moved
 * too: an empty {@code --from=}, which Docker 20.10 builds (from the context), is STG020.
 *
 * <p>{@code before.tsv} was written by this test ({@code -Dmoved.record=true}) on the code before
 * the move; it is the "before" and is not regenerated.
 */
class MovedChecksCoverageTest {
    private static final Path DIR = Path.of("src/test/resources/lint/moved-checks");
    private static final Path BEFORE = DIR.resolve("before.tsv");
    /** The moved parser warnings, by the start of their message, and the rules that report them now. */
    private static final Map<String, List<String>> MOVED = Map.of(
            "MAINTAINER is deprecated", List.of("MaintainerDeprecated", "DL4000"),
            "empty continuation line", List.of("NoEmptyContinuation"),
            "duplicate stage name", List.of("DuplicateStageName", "DL3024"),
            "not valid JSON", List.of("STG017"),
            "unterminated JSON array", List.of("STG017"),
            "unterminated quote in", List.of("STG018"),
            "platform '", List.of("STG019"),
            "--from= needs", List.of("STG020"));

    /**
     * Parser warnings deliberately not kept: false positives found when reviewing the corpus. The
     * shell's test command {@code RUN [ … ]} is not a JSON array gone wrong (STG017 skips it).
     */
    private static final List<String> DROPPED_FALSE_POSITIVES = List.of(
            "004-docker-cli.Dockerfile:37", "004-docker-cli.Dockerfile:67", "048-fluxcd-source-controller.Dockerfile:40");

    /** One thing shown: the file, the lines it covers, who says it (parser or a rule id), severity, message. */
    record Shown(String file, int line, int endLine, String source, String severity, String message) {
        String tsv() {
            return String.join("\t", file, String.valueOf(line), String.valueOf(endLine), source, severity,
                    message.replace('\t', ' ').replace('\n', ' '));
        }

        static Shown parse(String tsv) {
            String[] p = tsv.split("\t", 6);
            return new Shown(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3], p[4], p[5]);
        }

        boolean covers(int l) {
            return l >= line && l <= endLine;
        }
    }

    static List<Path> inputs() throws Exception {
        List<Path> out = new ArrayList<>(Corpus.files());
        Path parser = Paths.get(MovedChecksCoverageTest.class.getResource("/parser").toURI());
        try (Stream<Path> s = Files.list(parser)) {
            s.filter(Files::isDirectory).sorted().forEach(d -> out.add(d.resolve("Dockerfile")));
        }
        try (Stream<Path> s = Files.list(DIR)) {
            s.filter(f -> f.toString().endsWith(".Dockerfile")).sorted().forEach(out::add);
        }
        return out;
    }

    static String name(Path input) {
        return input.getFileName().toString().equals("Dockerfile") ? input.getParent().getFileName() + "/Dockerfile"
                : input.getFileName().toString();
    }

    static List<Shown> shown(Path input) throws Exception {
        String file = name(input);
        String platform = file.startsWith("bad-platform-option") ? "bogus" : "linux/amd64";
        StageGraph g = StageGraph.of(DockerfileParser.parse(Files.readString(input)),
                new GraphOptions(null, Map.of(), platform));
        List<Shown> out = new ArrayList<>();
        for (Diagnostic d : g.diagnostics()) {
            out.add(new Shown(file, d.line(), d.line(), "parser", d.severity().label(), d.message()));
        }
        for (Finding f : Linter.lint(g, LintOptions.DEFAULT)) {
            out.add(new Shown(file, f.line(), f.range().endLine(), f.rule().id(), f.severity().label(), f.message()));
        }
        return out;
    }

    @Test
    void everyLineShownBeforeTheMoveIsShownAfterItOnceByTheRuleThatTookItOver() throws Exception {
        List<Shown> after = new ArrayList<>();
        for (Path p : inputs()) {
            after.addAll(shown(p));
        }
        if (Boolean.getBoolean("moved.record")) {
            StringBuilder sb = new StringBuilder();
            after.forEach(s -> sb.append(s.tsv()).append('\n'));
            Files.writeString(BEFORE, sb.toString());
        }
        List<Shown> before = Files.readAllLines(BEFORE).stream().filter(l -> !l.isBlank()).map(Shown::parse).toList();
        List<String> problems = new ArrayList<>();
        int moved = 0;
        for (Shown b : before) {
            if (DROPPED_FALSE_POSITIVES.contains(b.file() + ":" + b.line()) && b.source().equals("parser")) {
                assertTrue(b.message().startsWith("unterminated JSON array"), b.tsv());
                assertTrue(after.stream().noneMatch(a -> a.file().equals(b.file()) && a.covers(b.line())), b.tsv());
                continue;
            }
            List<Shown> here = after.stream().filter(a -> a.file().equals(b.file())).toList();
            if (!b.source().equals("parser")) {
                if (here.stream().noneMatch(a -> a.source().equals(b.source()) && a.line() == b.line())) {
                    problems.add("finding lost: " + b.tsv());
                }
            } else if (b.severity().equals("error") && !b.message().startsWith("--from= needs")) {
                if (here.stream().noneMatch(a -> a.source().equals("parser") && a.line() == b.line()
                        && a.message().equals(b.message()))) {
                    problems.add("parser error lost: " + b.tsv());
                }
            } else {
                List<String> rules = MOVED.entrySet().stream().filter(e -> b.message().startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (rules == null) {
                    problems.add("a parser warning no rule took over: " + b.tsv());
                } else if (here.stream().noneMatch(a -> rules.contains(a.source()) && a.covers(b.line()))) {
                    problems.add("moved warning not reported by " + rules + ": " + b.tsv());
                } else {
                    moved++;
                }
            }
        }
        for (Shown a : after) {
            if (a.source().equals("parser") && !a.severity().equals(Severity.ERROR.label())) {
                problems.add("the parser still warns (said twice, or not moved): " + a.tsv());
            }
        }
        TreeSet<String> beforeLines = lines(before);
        TreeSet<String> afterLines = lines(after);
        TreeSet<String> lost = new TreeSet<>(beforeLines);
        lost.removeAll(afterLines);
        lost.removeAll(DROPPED_FALSE_POSITIVES);
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(), lost, "lines shown before and not after");
        assertTrue(moved >= 20, "the broken inputs exercise the moved warnings: " + moved);
    }

    private static TreeSet<String> lines(List<Shown> shown) {
        TreeSet<String> out = new TreeSet<>();
        for (Shown s : shown) {
            for (int l = s.line(); l <= s.endLine(); l++) {
                out.add(s.file() + ":" + l);
            }
        }
        return out;
    }
}
