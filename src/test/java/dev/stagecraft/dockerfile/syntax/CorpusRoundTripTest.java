package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {

    static Stream<Path> corpus() {
        return Corpus.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void printsEveryFileBackByteForByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Dockerfile tree = DockerfileParser.parse(new String(bytes, StandardCharsets.UTF_8));
        assertArrayEquals(bytes, tree.print().getBytes(StandardCharsets.UTF_8));
        assertTokensTile(tree);
    }

    static void assertTokensTile(Dockerfile tree) {
        List<Token> tokens = tree.tokens();
        int pos = 0;
        for (Token t : tokens) {
            assertEquals(pos, t.start(), () -> "gap or overlap before " + t);
            if (t.end() <= t.start()) {
                throw new AssertionError("empty token " + t);
            }
            pos = t.end();
        }
        assertEquals(tree.source().length(), pos);
    }
}
