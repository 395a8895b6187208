package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.lint.Rules;
import dev.stagecraft.lint.Severity;
import dev.stagecraft.ui.problems.Problem;
import dev.stagecraft.ui.problems.ProblemsView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lint in the window, through the gestures a user makes: typing a line that breaks a rule shows
 * its underline, its Problems rows and a badge on its stage; Ctrl+. and the Problems row menu fix
 * it in one undo step; Ignore here adds the pragma; Problems filters by rule and severity; Help
 * explains the rule; a file's .hadolint.yaml and .dockerignore apply; another file shows only its
 * own findings. Lint runs off the FX thread here, as in the app.
 */
class LintWindowTest extends WindowTestBase {
    @TempDir
    Path files;

    private ProblemsView problems() {
        return window.lint().problems();
    }

    /** Waits until the findings shown are those of the text in the editor. */
    private void waitForLint() {
        waitUntil(() -> window.document().lintProperty().get() != null
                && window.document().lintProperty().get().graph() == window.document().getGraph(), 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Problems rows shown, read on the FX thread (the table changes there). */
    private List<String> rows() {
        java.util.concurrent.atomic.AtomicReference<List<String>> rows = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> rows.set(problems().shownRows().stream().map(p -> p.ruleLabel() + "@" + p.line()).toList()));
        return rows.get();
    }

    private Optional<String> badgeOf(String stageName) {
        // the graph pane lays a new graph out in the background: wait for its nodes
        waitUntil(() -> lookup(".stage-node").queryAll().stream().map(n -> (Text) n.lookup(".node-name"))
                .anyMatch(l -> l != null && stageName.equals(l.getText())));
        for (Node n : lookup(".stage-node").queryAll()) {
            Text name = (Text) n.lookup(".node-name");
            Label badge = (Label) n.lookup(".findings-badge");
            if (name != null && stageName.equals(name.getText())) {
                return badge == null || !badge.isVisible() ? Optional.empty() : Optional.of(badge.getText());
            }
        }
        throw new AssertionError("no node " + stageName);
    }

    private void caretAt(String text) {
        interact(() -> {
            area().moveTo(text().indexOf(text));
            area().requestFocus();
        });
    }

    /** Picks {@code rule} in the Problems rule filter's menu (a table cell may show the same text). */
    private void chooseRule(String rule) {
        clickOn("#rule-filter");
        String item = ".context-menu .menu-item";
        waitUntil(() -> lookup(item).match((javafx.scene.Node n) -> n.isVisible() && n.lookup(".label") instanceof javafx.scene.control.Label l
                && rule.equals(l.getText())).tryQuery().isPresent(), 10);
        clickOn(lookup(item).match((javafx.scene.Node n) -> n.lookup(".label") instanceof javafx.scene.control.Label l
                && rule.equals(l.getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String item) {
        waitUntil(() -> window.lint().fixMenu() != null && window.lint().fixMenu().isShowing());
        clickWhenShown(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingALineThatBreaksARuleUnderlinesItListsItAndBadgesItsStage() {
        waitForLint();
        assertEquals(Optional.empty(), badgeOf("#1"), "the slim stage has no findings yet");
        assertTrue(badgeOf("builder").isPresent(), "the builder's apt-get install is not pinned");
        clickOn(area());
        shortcut(KeyCode.END);
        write("RUN apt-get install curl\n");
        waitForLint();
        int run = text().lastIndexOf("RUN apt-get install curl");
        assertTrue(area().getStyleAtPosition(run + 1).contains("finding-warning"),
                "underlined as a warning: " + area().getStyleAtPosition(run + 1));
        assertTrue(area().getStyleAtPosition(run + 1).contains("keyword"), "and still highlighted");
        assertTrue(rows().containsAll(List.of("DL3008@20", "DL3014@20", "STG003@20")), rows().toString());
        Problem dl3014 = problems().shownRows().stream().filter(p -> "DL3014".equals(p.rule())).findFirst().orElseThrow();
        assertEquals("#1", dl3014.stageName());
        assertEquals(Severity.WARNING, dl3014.severity());
        assertTrue(dl3014.message().startsWith("Use the `-y` switch"));
        assertEquals("\u26a0 3", badgeOf("#1").orElseThrow(), "two warnings and an info on the slim stage");
        String title = window.bottomTabs().getTabs().stream().filter(t -> "problems-tab".equals(t.getId()))
                .findFirst().orElseThrow().getText();
        assertEquals("Problems (" + problems().problems().size() + ")", title);
        assertEquals(5, problems().problems().size(), rows().toString());
        interact(() -> area().moveTo(run + 4));
        waitUntil(() -> window.editor().bulbLineProperty().get() == 19);
        assertTrue(lookup(".fix-bulb").queryAll().stream().filter(Node::isVisible).count() == 1, "one bulb, at the caret");
        clickOn(lookup(".fix-bulb").match(Node::isVisible).<Node>query()); // the bulb opens the line's fixes
        waitUntil(() -> window.lint().fixMenu() != null && window.lint().fixMenu().isShowing());
        assertTrue(window.lint().fixMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()
                .containsAll(List.of("DL3014: Add -y", "Ignore DL3008 here", "Explain STG003\u2026")));
    }

    @Test
    void ctrlDotAppliesAFixAndOneUndoRestoresTheText() {
        String before = "FROM debian:bookworm-slim\nRUN apt-get install curl\n";
        setText(before);
        waitForLint();
        caretAt("curl");
        shortcut(KeyCode.PERIOD);
        choose("DL3014: Add -y");
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get install -y curl\n", text());
        waitForLint();
        assertFalse(rows().contains("DL3014@2"), rows().toString());
        shortcut(KeyCode.Z);
        assertEquals(before, text());
        waitForLint();
        assertTrue(rows().contains("DL3014@2"), rows().toString());
    }

    @Test
    void ignoreHereAddsThePragmaAndTheFindingGoes() {
        setText("FROM debian:bookworm-slim\nRUN apt-get install curl\n");
        waitForLint();
        caretAt("install");
        shortcut(KeyCode.PERIOD);
        choose("Ignore DL3008 here");
        assertEquals("FROM debian:bookworm-slim\n# hadolint ignore=DL3008\nRUN apt-get install curl\n", text());
        waitForLint();
        assertEquals(List.of("DL3014@3", "STG003@3"), rows());
        caretAt("curl"); // a second rule joins the same pragma, which must stay right above the RUN
        shortcut(KeyCode.PERIOD);
        choose("Ignore DL3014 here");
        assertEquals("FROM debian:bookworm-slim\n# hadolint ignore=DL3008,DL3014\nRUN apt-get install curl\n", text());
        waitForLint();
        assertEquals(List.of("STG003@3"), rows());
    }

    @Test
    void fixAllFromTheEditMenuFixesEveryInstanceInOneStep() {
        String before = "FROM debian:bookworm-slim\nRUN apt-get install curl\nRUN apt-get install wget\n";
        setText(before);
        waitForLint();
        caretAt("wget");
        clickOn("Edit");
        clickWhenShown("Fix All of This Rule");
        // at the caret: DL3014 is the first rule with a fix
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n", text());
        clickOn(area());
        shortcut(KeyCode.Z);
        assertEquals(before, text());
    }

    @Test
    void aFixFromTheProblemsRowMenu() {
        setText("FROM alpine:3.20\nCMD server --port 80\n");
        waitForLint();
        TableRow<?> row = lookup("#problems .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()
                && "JSONArgsRecommended".equals(((Problem) r.getItem()).rule())).query();
        // Monocle sends no context-menu event for a right click; Ctrl+. on the selected row is the
        // keyboard's way to the same menu (a right click on a desktop raises it too)
        clickOn(row);
        shortcut(KeyCode.PERIOD);
        waitUntil(() -> problems().menu() != null && problems().menu().isShowing());
        clickWhenShown("JSONArgsRecommended: Use the JSON form");
        assertEquals("FROM alpine:3.20\nCMD [\"server\", \"--port\", \"80\"]\n", text());
        waitForLint();
        assertEquals(List.of(), rows());
        shortcut(KeyCode.Z);
        assertEquals("FROM alpine:3.20\nCMD server --port 80\n", text());
    }

    @Test
    void problemsFilterByRuleAndSeverityAndSortByLine() {
        setText("FROM debian:bookworm-slim\nRUN apt-get install curl\nCMD run\nRUN apt-get install wget\n");
        waitForLint();
        assertTrue(rows().containsAll(List.of("DL3014@2", "STG003@2", "JSONArgsRecommended@3", "DL3014@4")), rows().toString());
        chooseRule("DL3014");
        assertEquals(List.of("DL3014@2", "DL3014@4"), rows());
        assertEquals("2 of " + problems().problems().size() + " shown",
                lookup(".problems-shown").queryAs(Label.class).getText());
        chooseRule(ProblemsView.ALL_RULES);
        clickOn("#show-warning"); // warnings off: the info rows stay
        assertTrue(rows().stream().allMatch(r -> r.startsWith("STG")), rows().toString());
        assertTrue(problems().shownRows().stream().allMatch(p -> p.severity() == Severity.INFO));
        clickOn("#show-warning");
        clickOn("Line"); // the column header: ascending by line
        clickOn("Line"); // descending
        List<Integer> lines = problems().shownRows().stream().map(Problem::line).toList();
        assertEquals(lines.stream().sorted(java.util.Comparator.reverseOrder()).toList(), lines);
        assertEquals(4, (int) lines.get(0));
    }

    @Test
    void helpExplainsTheRuleOfTheSelectedFindingWithItsExamples() {
        setText("FROM debian:bookworm-slim\nRUN apt-get install curl\n");
        waitForLint();
        TableRow<?> row = lookup("#problems .table-row-cell").match((TableRow<?> r) -> !r.isEmpty()
                && "DL3014".equals(((Problem) r.getItem()).rule())).query();
        clickOn(row);
        clickOn("Help");
        clickWhenShown("Explain Rule\u2026");
        waitUntil(() -> window.lint().help() != null && window.lint().help().stage().isShowing());
        var rule = Rules.find("DL3014").orElseThrow();
        assertEquals("DL3014 \u2014 " + rule.name(), lookup("#rule-title").queryAs(Label.class).getText());
        assertEquals(rule.explanation(), lookup("#rule-explanation").queryAs(Label.class).getText());
        assertEquals(rule.bad(), lookup("#rule-bad").queryAs(TextArea.class).getText());
        assertEquals(rule.good(), lookup("#rule-good").queryAs(TextArea.class).getText());
        assertTrue(lookup("#rule-notes").queryAs(Label.class).getText().startsWith("Profiles: "));
        interact(() -> area().getScene().getWindow().requestFocus()); // back to the main window (Monocle focuses none on a click)
        caretAt("curl"); // from the editor: the quick-fix menu explains too
        shortcut(KeyCode.PERIOD);
        choose("Explain STG003\u2026");
        waitUntil(() -> lookup("#rule-title").queryAs(Label.class).getText().startsWith("STG003 "));
    }

    @Test
    void aFilesHadolintYamlAndDockerignoreApplyAndAnotherFileShowsOnlyItsOwn() throws IOException {
        Path project = Files.createDirectories(files.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".hadolint.yaml"), "ignored: [DL3008]\noverride:\n  error: [DL3014]\n");
        Files.writeString(project.resolve(".dockerignore"), "*.pem\n");
        Path a = project.resolve("Dockerfile");
        Files.writeString(a, "FROM debian:bookworm-slim\nCOPY key.pem /etc/key.pem\nRUN apt-get install curl\n");
        assertTrue(open(a));
        waitForLint();
        assertEquals(List.of("CopyIgnoredFile@2", "DL3014@3", "STG003@3"), rows());
        assertEquals(Severity.ERROR, problems().shownRows().get(1).severity(), "override: error");
        assertEquals("\u2716 3", badgeOf("#0").orElseThrow(), "the worst is an error now");

        Path other = Files.createDirectories(files.resolve("other"));
        Path b = other.resolve("Dockerfile");
        Files.writeString(b, "FROM alpine:3.20 AS App\nCMD run\n"); // the graph shows stage names as Docker reads them: lower case
        assertTrue(open(b));
        waitForLint();
        assertEquals(List.of("StageNameCasing@1", "JSONArgsRecommended@2"), rows());
        assertEquals("\u26a0 2", badgeOf("app").orElseThrow());
        assertTrue(open(a));
        waitForLint();
        assertEquals(List.of("CopyIgnoredFile@2", "DL3014@3", "STG003@3"), rows());
    }

    @Test
    void aBrokenConfigIsAProblemRowAndLintGoesOn() throws IOException {
        Path dir = Files.createDirectories(files.resolve("broken"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".hadolint.yaml"), "ignored: [DL3008\n");
        Path a = dir.resolve("Dockerfile");
        Files.writeString(a, "FROM alpine:3.20\nCMD run\n");
        assertTrue(open(a));
        waitForLint();
        Problem note = problems().problems().stream().filter(p -> p.kind() == Problem.Kind.SETTINGS).findFirst().orElseThrow();
        assertTrue(note.message().contains(".hadolint.yaml is not valid YAML"), note.message());
        assertTrue(rows().contains("JSONArgsRecommended@2"), rows().toString());
    }

    @Test
    void theProfileChosenInProblemsChangesTheRulesAndIsRemembered() {
        waitForLint();
        assertEquals(List.of("DL3008@5", "STG015@5"), rows());
        interact(() -> window.lint().setProfile(dev.stagecraft.lint.Profile.HADOLINT, false));
        waitForLint();
        assertEquals(List.of("DL3008@5", "DL3022@16"), rows(), "hadolint: its rules on every stage, none of Stagecraft's");
        assertEquals("hadolint", window.settings().lintProfile);
    }

    @Test
    void aHugeFileIsLintedDrawnToItsEndAndStaysEditable() throws IOException {
        Path big = files.resolve("big.Dockerfile"); // about 4 MB, 1,600 stages
        Files.writeString(big, dev.stagecraft.testing.GeneratedDockerfile.of(120_000, 1_600));
        assertTrue(open(big));
        waitUntil(() -> window.document().lintProperty().get() != null
                && window.document().lintProperty().get().graph() == window.document().getGraph(), 60);
        WaitForAsyncUtils.waitForFxEvents();
        var r = window.document().lintProperty().get();
        assertTrue(r.findings().size() > 1_000, "findings: " + r.findings().size());
        assertEquals(r.findings().size() + window.document().problems().size(), problems().problems().size());
        // thousands of underlines are drawn a batch per event, the last one too in the end
        var last = r.findings().get(r.findings().size() - 1);
        waitUntil(() -> area().getStyleAtPosition(last.range().start() + 1).stream().anyMatch(c -> c.startsWith("finding-")), 30);
        // a pasted line at the end (typing it key by key re-reads 4 MB per key): its findings come
        int line = area().getParagraphs().size();
        interact(() -> area().insertText(area().getLength(), "RUN apt-get install curl\n"));
        waitUntil(() -> window.document().lintProperty().get() != null
                && window.document().lintProperty().get().graph() == window.document().getGraph()
                && rows().contains("DL3014@" + line), 60);
        shortcut(KeyCode.Z);
        waitUntil(() -> !rows().contains("DL3014@" + line), 60);
    }
}
