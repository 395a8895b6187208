package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.model.UnknownTarget;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.testing.GeneratedDockerfile;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Heavy mutations on top of {@link RoundTripProperties}: real Dockerfiles with hostile pieces
 * spliced in (deep {@code ${} nesting, thousands of stages, huge lines, many heredocs, NUL
 * bytes, bare CR, unterminated quotes and JSON, deep JSON, long continuation chains, ONBUILD
 * chains, ARGs that grow). Parsing, printing and the graph never throw, and printing gives the
 * text back. Tries are few and pieces at most a few hundred kB, to keep the suite quick.
 */
class HostileInputProperties {
    private static final List<String> TEXTS = Corpus.files().stream().map(Corpus::read).toList();
    private static final int KINDS = 13;

    /** One hostile piece: its kind, a size from 1 to max, and a variant for small choices. */
    record Piece(int kind, int size, int variant, double at) {
    }

    @Provide
    Arbitrary<List<Piece>> pieces() {
        Arbitrary<Piece> piece = Combinators.combine(Arbitraries.integers().between(0, KINDS - 1),
                Arbitraries.integers().between(1, 20_000).withDistribution(net.jqwik.api.RandomDistribution.biased()),
                Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1)).as(Piece::new);
        return piece.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(-1, TEXTS.size() - 1); // -1: no file, the pieces alone
    }

    @Property(tries = 60)
    void hostileInputRoundTripsAndNeverThrows(@ForAll("pieces") List<Piece> pieces, @ForAll("fileIndex") int file) {
        String text = file < 0 ? "" : TEXTS.get(file);
        for (Piece p : pieces) {
            text = splice(text, p);
        }
        Dockerfile tree = DockerfileParser.parse(text);
        assertEquals(text, tree.print());
        CorpusRoundTripTest.assertTokensTile(tree);
        StageGraph graph = StageGraph.of(tree, GraphOptions.DEFAULT);
        int stages = graph.stages().size();
        StageGraph other = graph.with(new GraphOptions(stages > 1 ? "1" : "s1", Map.of("V", "x"), "linux/arm64"));
        assertEquals(stages, other.stages().size());
        for (int offset : new int[] {0, text.length() / 2, text.length()}) {
            graph.stageAt(offset).ifPresent(s -> assertTrue(s.range().start() <= offset));
        }
        for (int s = 0; s < Math.min(stages, 50); s++) {
            int stage = s;
            graph.edgesInto(s).forEach(e -> assertEquals(stage, e.to()));
            graph.edgesFrom(s).forEach(e -> assertEquals(stage, e.from()));
        }
        UnknownTarget.check(graph, "nosuch").ifPresent(m -> assertTrue(m.lines().count() == 1, m));
    }

    /** Inserts the piece at the start of a line near {@code at}, or mid-line for the kinds that cut text. */
    private static String splice(String text, Piece p) {
        int at = (int) (p.at() * text.length());
        return switch (p.kind()) {
            case 0 -> insertLine(text, at, "FROM " + GeneratedDockerfile.nestedDefaults(p.size(), "busybox")
                    .substring(0, p.variant() == 0 ? Math.max(0, 6 * p.size() - 3) : 6 * p.size() + 7) + " AS deep\n");
            case 1 -> insertLine(text, at, (p.variant() >= 4 ? GeneratedDockerfile.forwardChain(Math.min(p.size(), 3000))
                    : GeneratedDockerfile.chain(Math.min(p.size(), 3000)))
                    + (p.variant() < 2 ? "FROM scratch AS s0\nCOPY --from=s" + (Math.min(p.size(), 3000) - 1) + " /a /a\n" : ""));
            case 2 -> insertLine(text, at, "RUN echo " + "x".repeat(p.size() * 10) + (p.variant() % 2 == 0 ? "" : "\\") + "\n");
            case 3 -> insertLine(text, at, heredocs(Math.min(p.size(), 2000), p.variant()));
            case 4 -> text.substring(0, at) + "\u0000".repeat(1 + p.variant()) + text.substring(at); // NUL bytes
            case 5 -> text.substring(0, at) + text.substring(at).replace("\n", p.variant() % 2 == 0 ? "\r" : "\r\r\n"); // bare CR
            case 6 -> text.substring(0, at) + List.of("\"", "'", "[\"a\", ", "${", "<<EOF", "\\", " 99999999999<<EOF ", "\"$'")
                    .get(p.variant()) + text.substring(at); // something left open, mid-line
            case 7 -> insertLine(text, at, "CMD " + "[".repeat(p.size()) + (p.variant() % 2 == 0 ? "]".repeat(p.size()) : "") + "\n");
            case 8 -> insertLine(text, at, "RUN a \\\n" + (p.variant() % 3 == 0 ? "\n" : "  b \\\n# c\n").repeat(p.size())
                    + "  end\n");
            case 9 -> insertLine(text, at, "ONBUILD ".repeat(p.size()) + "RUN x\n");
            case 10 -> insertLine(text, at, "# syntax=a" + " \t".repeat(p.size()) + "b\n");
            case 11 -> insertLine(text, at, growingArgs(p.variant() + 2));
            default -> insertLine(text, at, "FROM scratch\nRUN --mount=type=bind" + ",xfrom=a".repeat(p.size())
                    + ",from=" + (p.variant() % 2 == 0 ? "s0" : "img") + " true\nCOPY --from=" + p.variant() + " / /\n");
        };
    }

    private static String insertLine(String text, int at, String piece) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (start > text.length()) {
            start = text.length();
        }
        String before = text.substring(0, start);
        return before + (before.isEmpty() || before.endsWith("\n") ? "" : "\n") + piece + text.substring(start);
    }

    private static String heredocs(int count, int variant) {
        StringBuilder sb = new StringBuilder("RUN");
        for (int i = 0; i < count; i++) {
            sb.append(i % 3 == 0 ? " <<-E" : i % 3 == 1 ? " 3<<'E" : " <<\"E").append(i).append(i % 3 == 1 ? "'" : i % 3 == 2 ? "\"" : "");
        }
        sb.append('\n');
        int terminated = variant == 0 ? count / 2 : count; // variant 0: the rest never ends
        for (int i = 0; i < terminated; i++) {
            sb.append("\tbody ").append(i).append("\nE").append(i).append('\n');
        }
        return sb.toString();
    }

    private static String growingArgs(int levels) {
        StringBuilder sb = new StringBuilder("ARG G0=gggggggggg\n");
        for (int i = 1; i <= levels; i++) {
            sb.append("ARG G").append(i).append('=').append(("${G" + (i - 1) + "}").repeat(10)).append('\n');
        }
        return sb.append("FROM img-$G").append(levels).append('\n').toString();
    }
}
