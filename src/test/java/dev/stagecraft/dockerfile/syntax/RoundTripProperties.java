package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any edit of a real Dockerfile, parsing never throws and printing gives the text back. */
class RoundTripProperties {
    private static final List<String> TEXTS = Corpus.files().stream().map(Corpus::read).toList();
    private static final List<String> INSERTS = List.of("\\", "\\\n", "`", "<<EOF", "<<-EOT\n", "EOF\n", "\"", "'",
            "\r", "\r\n", "\n", "[", "]", "#", "# escape=`\n", "--from=", "--mount=from=", "FROM ", " AS ", "$", "${",
            "\t", "\uFEFF", "\u00e9", "ONBUILD ", "{", "}");

    record Edit(int kind, double at, double length, String insert) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(INSERTS)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 400)
    void editedCorpusFilesRoundTrip(@ForAll("edits") List<Edit> edits, @ForAll("fileIndex") int file) {
        String text = TEXTS.get(file);
        for (Edit e : edits) {
            text = apply(text, e);
        }
        Dockerfile tree = DockerfileParser.parse(text);
        assertEquals(text, tree.print());
        CorpusRoundTripTest.assertTokensTile(tree);
        StageGraph.of(tree, dev.stagecraft.dockerfile.model.GraphOptions.DEFAULT); // must not throw either
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, TEXTS.size() - 1);
    }

    /** {@code text} with the edit made (also used by {@link IncrementalParseProperties}). */
    static String apply(String text, Edit e) {
        int at = (int) (e.at() * text.length());
        int len = (int) (e.length() * Math.min(200, text.length() - at));
        return switch (e.kind()) {
            case 0 -> text.substring(0, at) + text.substring(at + len); // delete characters
            case 1 -> text.substring(0, at) + e.insert() + text.substring(at); // insert a tricky piece
            case 2 -> text.substring(0, at) + text.substring(at, at + len) + text.substring(at); // duplicate
            case 3 -> { // delete a whole line
                int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                int end = text.indexOf('\n', at);
                yield text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
            }
            default -> { // duplicate a whole line
                int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                int end = text.indexOf('\n', at);
                String line = end < 0 ? text.substring(start) + "\n" : text.substring(start, end + 1);
                yield text.substring(0, start) + line + text.substring(start);
            }
        };
    }
}
