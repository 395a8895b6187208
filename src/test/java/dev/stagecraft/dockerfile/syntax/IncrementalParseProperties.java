package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.testing.Corpus;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DockerfileParser#reparse} (the editor's keystroke path) gives what a full parse of the
 * new text gives, for any sequence of edits of real Dockerfiles, each re-parsed from the one before;
 * and it does keep the instructions before an edit.
 */
class IncrementalParseProperties {
    private static final List<String> TEXTS = Corpus.files().stream().map(Corpus::read).toList();
    /** Pieces that change how what follows is read: continuations, heredocs, quotes, directives, stage names. */
    private static final List<String> INSERTS = List.of("\\", "\\\n", "`", "<<EOF", "<<-EOT\n", "EOF\n", "\"", "'",
            "\r", "\r\n", "\n", "\n\n", "[", "]", "#", "# escape=`\n", "# syntax=x\n", "--from=", "--mount=from=",
            "FROM ", "FROM a AS b\n", " AS ", " AS builder", "$", "${", "\t", " ", "\uFEFF", "\u00e9", "ONBUILD ",
            "{", "}", "x", "RUN <<EOF\n", "COPY <<A <<B /x\n");

    @Provide
    Arbitrary<List<RoundTripProperties.Edit>> edits() {
        Arbitrary<RoundTripProperties.Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(INSERTS)).as(RoundTripProperties.Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(24);
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, TEXTS.size() - 1);
    }

    @Property(tries = 300)
    void eachReparseEqualsAFullParse(@ForAll("edits") List<RoundTripProperties.Edit> edits, @ForAll("fileIndex") int file) {
        editOneByOne(TEXTS.get(file), edits, (tree, at) -> // a range around the edit, as the highlighting asks
                assertRangeTokensMatch(tree, Math.max(0, at - 40), Math.min(tree.source().length(), at + 40)));
    }

    /** Small texts, where an edit lands on a directive, the first line or an open heredoc far more often. */
    @Property(tries = 300)
    void smallTextsToo(@ForAll("edits") List<RoundTripProperties.Edit> edits, @ForAll("small") String start) {
        editOneByOne(start, edits, (tree, at) -> {
            for (int from = 0; from <= tree.source().length(); from += 7) {
                assertRangeTokensMatch(tree, from, Math.min(tree.source().length(), from + 13));
            }
        });
    }

    /** Makes the edits one by one, each parse from the one before, checking it against a full parse and {@code ranges}. */
    private static void editOneByOne(String text, List<RoundTripProperties.Edit> edits,
                                     java.util.function.ObjIntConsumer<Dockerfile> ranges) {
        Dockerfile tree = DockerfileParser.parse(text);
        for (RoundTripProperties.Edit e : edits) {
            text = RoundTripProperties.apply(text, e);
            Dockerfile before = tree;
            tree = DockerfileParser.reparse(tree, text);
            assertSameTree(DockerfileParser.parse(text), tree);
            assertOnlyTheRereadPartDiffers(before, tree);
            ranges.accept(tree, (int) (e.at() * text.length()));
        }
    }

    @Provide
    Arbitrary<String> small() {
        return Arbitraries.of(
                "# escape=`\nFROM a AS b\nRUN x `\n  y\nFROM b\nCOPY --from=b /x /y\n",
                "FROM a AS base\nRUN <<EOF\necho\nEOF\nFROM base AS next\nRUN <<-EOT cat\n\tx\n\tEOT\nCMD [\"a\"]\n",
                "\uFEFF# syntax=docker/dockerfile:1\nFROM a\nRUN a \\\n\n# c\n  b\nFROM a AS x\n",
                "FROM a\r\nRUN b \\\r\n  c\r\nFROM a AS a2\r\nONBUILD RUN d\r\n",
                "FROM scratch AS one\nFROM one AS two\nFROM two\nRUN --mount=from=one,target=/x true\n");
    }

    @Example
    void anEditKeepsTheInstructionsBeforeItAndMovesThoseAfterIt() {
        String text = Corpus.read(Corpus.file("008"));
        Dockerfile before = DockerfileParser.parse(text);
        int at = text.indexOf("\nFROM ", text.length() / 2) + 1; // a stage in the middle: FROM x AS name
        String edited = text.substring(0, at + 4) + " " + text.substring(at + 4);
        Dockerfile after = DockerfileParser.reparse(before, edited);
        List<Instruction> was = before.instructions();
        List<Instruction> now = after.instructions();
        int line = edited.substring(0, at).split("\n", -1).length; // the line of the edited FROM
        int kept = 0;
        while (now.get(kept).line() < line) {
            assertSame(was.get(kept), now.get(kept), "instruction " + kept + " before the edit is kept");
            kept++;
        }
        assertTrue(kept > 50, "moby's middle stage comes after " + kept + " instructions");
        assertNotSame(was.get(kept), now.get(kept));
        for (int i = kept + 1; i < now.size(); i++) {
            // moved, not read again: a new reading would make new strings
            assertSame(was.get(i).arguments(), now.get(i).arguments(), "instruction " + i + " after the edit is moved");
            assertEquals(was.get(i).range().start() + 1, now.get(i).range().start());
        }
        assertSameTree(DockerfileParser.parse(edited), after);
    }

    @Example
    void editsMovingUpTheFileKeepAFewLineIndexesAliveAtMost() {
        String text = Corpus.read(Corpus.file("008"));
        Dockerfile tree = DockerfileParser.parse(text);
        for (int k = 0; k < 40; k++) { // a line near the end, then one further up, and so on
            int at = text.lastIndexOf("\nRUN ", text.length() - 1 - k * (text.length() / 50)) + 1;
            text = text.substring(0, at + 3) + " " + text.substring(at + 3);
            tree = DockerfileParser.reparse(tree, text);
            Set<Object> indexes = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Instruction i : tree.instructions()) {
                indexes.add(i.range().where());
            }
            assertTrue(indexes.size() <= DockerfileParser.MAX_GENERATIONS, "line indexes held: " + indexes.size());
        }
        assertSameTree(DockerfileParser.parse(text), tree);
    }

    @Example
    void theSameTextIsTheSameTree() {
        Dockerfile tree = DockerfileParser.parse("FROM a\nRUN b\n");
        assertSame(tree, DockerfileParser.reparse(tree, "FROM a\nRUN b\n"));
    }

    /**
     * What {@link Dockerfile#rereadSince} promises the highlighting: before the span the tokens are the
     * base's, after it the base's moved by the change in length.
     */
    static void assertOnlyTheRereadPartDiffers(Dockerfile base, Dockerfile tree) {
        if (tree == base) {
            return;
        }
        int[] span = tree.rereadSince(base);
        if (span == null) {
            return; // read whole: the highlighting compares tokens
        }
        int delta = tree.source().length() - base.source().length();
        List<Token> was = base.tokens();
        List<Token> now = tree.tokens();
        int i = 0;
        while (i < now.size() && now.get(i).end() <= span[0]) {
            assertEquals(was.get(i), now.get(i), "token " + i + " before the part read anew");
            i++;
        }
        int j = now.size() - 1;
        int k = was.size() - 1;
        while (j >= 0 && now.get(j).start() >= span[1]) {
            Token a = was.get(k--);
            Token b = now.get(j--);
            assertEquals(a.kind(), b.kind(), "token " + (j + 1) + " after the part read anew");
            assertEquals(a.start() + delta, b.start());
            assertEquals(a.end() + delta, b.end());
        }
    }

    /** {@link Dockerfile#tokens(int, int)} gives each character of the range the kind the whole list gives it. */
    static void assertRangeTokensMatch(Dockerfile tree, int from, int to) {
        TokenKind[] whole = kinds(tree.tokens(), from, to);
        Dockerfile fresh = DockerfileParser.parse(tree.source()); // whose whole list is not built yet
        TokenKind[] part = kinds(fresh.tokens(from, to), from, to);
        assertEquals(java.util.Arrays.asList(whole), java.util.Arrays.asList(part), "kinds in [" + from + ", " + to + ")");
    }

    private static TokenKind[] kinds(List<Token> tokens, int from, int to) {
        TokenKind[] out = new TokenKind[to - from];
        for (Token t : tokens) {
            for (int c = Math.max(from, t.start()); c < Math.min(to, t.end()); c++) {
                out[c - from] = t.kind();
            }
        }
        return out;
    }

    static void assertSameTree(Dockerfile expected, Dockerfile actual) {
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.escape(), actual.escape());
        assertEquals(expected.directives(), actual.directives());
        assertEquals(expected.instructions(), actual.instructions());
        assertEquals(expected.diagnostics(), actual.diagnostics());
        assertEquals(expected.tokens(), actual.tokens());
        assertEquals(expected.source(), actual.print());
    }
}
