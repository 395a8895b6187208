package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linter over the 50 real Dockerfiles of the corpus, kept as a golden file that was read by
 * hand for false positives. Regenerate with {@code -Dlint.update=true} and review the diff.
 */
class LintCorpusTest {
    private static final Path GOLDEN = Path.of("src/test/resources/lint/corpus-findings.txt");

    static String render(Profile profile) {
        StringBuilder sb = new StringBuilder();
        for (Path f : Corpus.files()) {
            List<Finding> findings = Linter.lint(StageGraph.parse(Corpus.read(f)), LintOptions.of(profile));
            for (Finding x : findings) {
                sb.append(f.getFileName()).append(':').append(x.line()).append(':').append(x.column()).append(' ')
                        .append(x.rule().id()).append(' ').append(x.severity().label()).append(' ')
                        .append(x.fixable() ? "[fix] " : "").append(x.message()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void findingsOverTheCorpusMatchTheReviewedGoldenFile() throws Exception {
        String actual = "# profile stagecraft (default options)\n" + render(Profile.STAGECRAFT)
                + "# profile hadolint\n" + render(Profile.HADOLINT) + "# profile buildkit\n" + render(Profile.BUILDKIT);
        if (Boolean.getBoolean("lint.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual);
    }
}
