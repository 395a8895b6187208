package dev.stagecraft.ui.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.lint.Severity;
import dev.stagecraft.ui.document.LintSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's lint settings are found and read as {@code stagecraft lint} does; what can't be used becomes a note. */
class LintSettingsLoaderTest {
    @TempDir
    Path dir;

    private static final String TEXT = "FROM debian:bookworm-slim\nCOPY secret.txt /s\nRUN apt-get install curl\n";

    private List<Finding> lint(LintSettings s) {
        return Linter.lint(StageGraph.parse(TEXT), s.options(Profile.STAGECRAFT, false));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void theNearestConfigUpToTheRepositoryRootApplies() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(dir.resolve(".hadolint.yaml"), "ignored: [DL3014]\n"); // above the repository: not used
        Files.writeString(dir.resolve("repo/.hadolint.yaml"), "ignored: [DL3008]\noverride:\n  error: [STG003]\n");
        Path df = Files.createDirectories(dir.resolve("repo/app")).resolve("Dockerfile");
        Files.writeString(df, TEXT);
        LintSettings s = LintSettingsLoader.load(df, null, Map.of("HOME", dir.resolve("home").toString()));
        assertEquals(List.of(), s.notes());
        assertEquals(dir.resolve("repo/.hadolint.yaml"), s.config().source());
        List<Finding> found = lint(s);
        assertFalse(ids(found).contains("DL3008"), found.toString());
        assertTrue(ids(found).contains("DL3014"), found.toString());
        assertEquals(Severity.ERROR, found.stream().filter(f -> f.rule().id().equals("STG003")).findFirst().orElseThrow()
                .severity());
    }

    @Test
    void theContextsDockerignoreFeedsCopyIgnoredFile() throws IOException {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, TEXT);
        Files.writeString(dir.resolve(".dockerignore"), "secret.txt\n");
        assertTrue(ids(lint(LintSettingsLoader.load(df, null, Map.of()))).contains("CopyIgnoredFile"));
        Path other = Files.createDirectories(dir.resolve("ctx"));
        assertFalse(ids(lint(LintSettingsLoader.load(df, other, Map.of()))).contains("CopyIgnoredFile"),
                "another context without .dockerignore sends the file");
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), "*.md\n"); // the Dockerfile's own wins
        assertFalse(ids(lint(LintSettingsLoader.load(df, null, Map.of()))).contains("CopyIgnoredFile"));
    }

    @Test
    void aBrokenConfigIsANoteAndLintGoesOnWithoutIt() throws IOException {
        Files.writeString(dir.resolve(".hadolint.yaml"), "ignored: [DL3008\n");
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, TEXT);
        LintSettings s = LintSettingsLoader.load(df, null, Map.of());
        assertEquals(1, s.notes().size(), s.notes().toString());
        assertTrue(s.notes().get(0).contains(".hadolint.yaml is not valid YAML"), s.notes().get(0));
        assertTrue(s.notes().get(0).endsWith("; lint runs without it"), s.notes().get(0));
        assertTrue(ids(lint(s)).contains("DL3008"));
    }

    @Test
    void anUnreadableDockerignoreIsANoteAndCopyIgnoredFileStaysSilent() throws IOException {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, TEXT);
        Files.createDirectories(dir.resolve(".dockerignore")); // a folder where the file should be: not a regular file
        Files.write(dir.resolve("Dockerfile.dockerignore"), new byte[] {(byte) 0xff, (byte) 0xfe, 0}); // not UTF-8
        LintSettings s = LintSettingsLoader.load(df, null, Map.of());
        assertEquals(1, s.notes().size(), s.notes().toString());
        assertTrue(s.notes().get(0).startsWith("cannot read " + dir.resolve("Dockerfile.dockerignore")), s.notes().get(0));
        assertNull(s.ignoredByContext());
    }
}
