package dev.stagecraft.ui.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintConfig;
import dev.stagecraft.lint.Profile;
import dev.stagecraft.project.DockerfileText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document's findings: from its current text, with its settings, profile and target; stale results dropped. */
class DocumentLintTest {
    @TempDir
    Path dir;

    /** An executor that runs what it was given only when told: the test plays the lint thread and the FX thread. */
    private static final class Manual implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        }
    }

    private static List<String> ids(LintResult r) {
        return r.findings().stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void typingALineThatBreaksARuleFindsItInTheCurrentText() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM debian:bookworm-slim\n");
        assertEquals(List.of(), ids(vm.lintProperty().get()));
        vm.textChanged("FROM debian:bookworm-slim\nRUN apt-get install curl\n");
        LintResult r = vm.lintProperty().get();
        assertSame(vm.getGraph(), r.graph(), "the findings are about the text shown");
        assertEquals(List.of("DL3008", "DL3014", "STG003"), ids(r));
        Finding f = r.findings().get(1);
        assertEquals(2, f.line());
        assertEquals(0, f.stage());
    }

    @Test
    void onTheLintThreadOnlyTheNewestTextIsLintedAndALateResultIsDropped() {
        Manual worker = new Manual();
        Manual fx = new Manual();
        DocumentViewModel vm = new DocumentViewModel(new LintRunner(worker, fx));
        vm.newDocument("FROM alpine:3.20\n");
        worker.runAll();
        fx.runAll();
        LintResult first = vm.lintProperty().get();
        assertNotNull(first);
        vm.textChanged("FROM alpine:3.20\nRUN apk add curl\n");
        vm.textChanged("FROM alpine:3.20\nRUN apk add curl\nCMD run\n");
        assertSame(first, vm.lintProperty().get(), "nothing new until the lint thread ran");
        worker.runAll();
        assertEquals(1, fx.queue.size(), "the text typed over before the thread started is not linted");
        fx.runAll();
        assertSame(vm.getGraph(), vm.lintProperty().get().graph());
        assertTrue(ids(vm.lintProperty().get()).contains("JSONArgsRecommended"));

        LintResult shown = vm.lintProperty().get();
        vm.textChanged("FROM alpine:3.20\n");
        worker.runAll(); // lints the short text...
        vm.textChanged("FROM alpine:3.20\nMAINTAINER me\n"); // ...which is typed over before its result lands
        fx.runAll();
        assertSame(shown, vm.lintProperty().get(), "a result for a text no longer shown is dropped");
        worker.runAll();
        fx.runAll();
        assertEquals(List.of("MaintainerDeprecated"), ids(vm.lintProperty().get()));
    }

    @Test
    void anOpenedFileIsNotLintedUntilItsSettingsAreKnownAndOnlyItsOwnCount() throws IOException {
        Path a = dir.resolve("a.Dockerfile");
        Path b = dir.resolve("b.Dockerfile");
        Files.writeString(a, "FROM debian:bookworm-slim\nRUN apt-get install curl\n");
        Files.writeString(b, "FROM debian:bookworm-slim\nRUN apt-get install wget\n");
        DocumentViewModel vm = new DocumentViewModel();
        vm.load(a, DockerfileText.read(a), null);
        assertNull(vm.lintProperty().get(), "pending: the config might hide findings");
        assertNull(vm.lintSettingsProperty().get());
        LintConfig ignoring = new LintConfig(Set.of("DL3008"), Map.of(), null, List.of(), dir.resolve(".hadolint.yaml"));
        vm.load(b, DockerfileText.read(b), null); // the user opened b before a's settings came
        vm.setLintSettings(new LintSettings(a.toAbsolutePath(), ignoring, null, List.of()));
        assertNull(vm.lintProperty().get(), "a's settings never lint b");
        vm.setLintSettings(new LintSettings(b.toAbsolutePath(), ignoring, null, List.of("a note")));
        assertEquals(List.of("DL3014", "STG003"), ids(vm.lintProperty().get()));
        assertEquals(List.of("a note"), vm.lintSettingsProperty().get().notes());

        vm.load(b, DockerfileText.read(b), null); // reloaded from disk: the same file keeps its settings
        assertEquals(List.of("DL3014", "STG003"), ids(vm.lintProperty().get()));
        vm.newDocument("FROM debian:bookworm-slim\nRUN apt-get install wget\n");
        assertEquals(List.of("DL3008", "DL3014", "STG003"), ids(vm.lintProperty().get()), "untitled: no config");
    }

    @Test
    void theProfileAndTheTargetDecideWhatIsFound() {
        DocumentViewModel vm = new DocumentViewModel();
        vm.newDocument("FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends"
                + " gcc\nFROM debian:bookworm-slim AS final\nCOPY --from=build /out /out\n");
        assertTrue(ids(vm.lintProperty().get()).contains("STG015"), "stagecraft: a cache mount for the builder");
        assertFalse(ids(vm.lintProperty().get()).contains("STG002"), "the builder's apt lists never ship");
        vm.setLintProfile(Profile.HADOLINT, false);
        assertEquals(List.of("DL3008"), ids(vm.lintProperty().get()), "hadolint: its own rules only");
        assertEquals(Profile.HADOLINT, vm.lintProfile());
        vm.setLintProfile(Profile.STAGECRAFT, false);
        vm.setTarget(vm.getGraph().stages().get(0)); // the builder is the image now: its apt lists ship
        assertTrue(ids(vm.lintProperty().get()).contains("STG002"), ids(vm.lintProperty().get()).toString());
        assertEquals(0, vm.lintProperty().get().graph().target());
    }
}
