package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No check throws on any input: the linter would survive it (each check is guarded), but a
 * check that throws loses its findings, so the checks are run bare here.
 */
class LintRobustnessTest {
    private static final List<Linter.Check> CHECKS = List.of(new InstructionChecks(), new ShellChecks(),
            new BuildKitChecks(), new BuildKitVariableChecks(), new StagecraftChecks());

    private static void bare(String text, LintOptions options) {
        StageGraph g = StageGraph.parse(text);
        LintContext ctx = new LintContext(g, options);
        for (Linter.Check c : CHECKS) {
            assertDoesNotThrow(() -> c.run(ctx), () -> c.getClass().getSimpleName() + " on:\n" + text);
        }
    }

    @Test
    void everyPrefixOfEveryCorpusFile() {
        for (Path f : Corpus.files()) {
            String text = Corpus.read(f);
            for (int cut = 0; cut <= text.length(); cut += Math.max(1, text.length() / 15)) {
                bare(text.substring(0, cut), LintOptions.DEFAULT.withAllStages(true));
            }
        }
    }

    @Test
    void randomMutationsOfRealFiles() {
        Random rnd = new Random(11);
        String alphabet = " \t\n\\\"'$`{}()[]|&;<>#=:/-@AFROMSrunasCOPY--from=0";
        List<Path> files = Corpus.files();
        for (int i = 0; i < 150; i++) {
            StringBuilder sb = new StringBuilder(Corpus.read(files.get(rnd.nextInt(files.size()))));
            for (int k = 0; k < 20 && sb.length() > 0; k++) {
                int at = rnd.nextInt(sb.length());
                if (rnd.nextBoolean()) {
                    sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                } else {
                    sb.deleteCharAt(at);
                }
            }
            bare(sb.toString(), LintOptions.of(Profile.values()[i % 3]).withAllStages(i % 2 == 0)
                    .withIgnoredByContext(p -> p.length() % 2 == 0));
        }
    }

    @Test
    void oddInputs() {
        for (String text : List.of("", "\n", "FROM", "FROM a AS", "RUN x", "ARG", "FROM a\nCOPY --from= x y\n",
                "FROM a\nONBUILD\n", "FROM a\nONBUILD RUN\n", "FROM a\nRUN <<EOF\n", "FROM a\nWORKDIR\nUSER\nEXPOSE\n",
                "FROM a\nCMD\nENTRYPOINT []\n", "FROM --platform= a\n", "FROM a AS b\nFROM b AS a\nCOPY --from=a x y\n",
                "FROM a\nENV\nLABEL\nENV A\n", "\uFEFFFROM a\r\nRUN x | y\r\n", "FROM ${\nRUN $(\n")) {
            bare(text, LintOptions.DEFAULT.withAllStages(true));
            bare(text, LintOptions.of(Profile.HADOLINT));
        }
    }

    @Test
    void deepAndHugeInputs() {
        String deep = "FROM a:1\nRUN " + "$(".repeat(5000) + "x" + ")".repeat(5000) + "\n";
        bare(deep, LintOptions.DEFAULT);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append("FROM a:1 AS s").append(i).append("\nRUN apt-get install x | y && cd /z\nCOPY --from=s")
                    .append(Math.max(0, i - 1)).append(" /a /b\n");
        }
        long t = System.nanoTime();
        bare(many.toString(), LintOptions.DEFAULT.withAllStages(true));
        assertTrue(System.nanoTime() - t < 60_000_000_000L, "2000 stages lint in finite time");
    }
}
