package dev.stagecraft.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.project.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lint findings in the editor: a class per severity, the worse one where they overlap, a tooltip
 * with the rule id and message, findings of an older text never drawn over a newer one, and after
 * any edit the partly restyled area looks exactly like a full restyle with the same findings.
 */
class FindingUnderlinesTest {
    private static final String[] SNIPPETS = {"x", "\n", " ", "FROM Alpine AS A\n", "RUN apt-get install curl\n",
        "CMD run it\n", "MAINTAINER me\n", "COPY --from=a / /\n", "# hadolint ignore=DL3008\n", "RUN <<EOF\n", "EOF\n"};

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    private static List<Finding> lint(StageGraph g) {
        return Linter.lint(g, LintOptions.DEFAULT.withAllStages(true));
    }

    @Test
    void eachSeverityHasItsClassAndTheWorseWinsWhereTheyOverlap() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor editor = new DockerfileEditor(() -> StageGraph.parse(""));
            String text = "FROM debian:bookworm-slim\nRUN apt-get install curl\nCMD run it\n";
            editor.setText(text);
            StageGraph g = StageGraph.parse(text);
            editor.show(g);
            var area = editor.area();
            int run = text.indexOf("RUN");
            assertEquals(List.of("keyword"), List.copyOf(area.getStyleAtPosition(run + 1)), "no findings yet");
            editor.showFindings(g.tree(), lint(g));
            // DL3008 and DL3014 (warnings) and STG003 (info) cover the RUN: the warning is drawn
            assertEquals(List.of("keyword", "finding-warning"), List.copyOf(area.getStyleAtPosition(run + 1)));
            String tip = editor.tooltipAt(run + 5);
            assertTrue(tip.contains("DL3014 (warning): Use the `-y` switch"), tip);
            assertTrue(tip.contains("STG003 (info): apt-get install without --no-install-recommends"), tip);
            assertTrue(tip.contains("Ctrl+. to fix"), tip);
            assertNull(editor.tooltipAt(2), "FROM debian:bookworm-slim has no finding");
            int cmd = text.indexOf("CMD");
            assertEquals(List.of("keyword", "finding-warning"), List.copyOf(area.getStyleAtPosition(cmd + 1)));
            return null;
        }).get();
    }

    @Test
    void theUnderlineClassesOfTheFourSeverities() throws java.io.IOException {
        String css = new String(DockerfileEditor.class.getResourceAsStream("/dev/stagecraft/ui/syntax.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String s : List.of("error", "warning", "info", "style")) {
            assertTrue(css.contains(".dockerfile-area .finding-" + s + " {"), s);
            assertTrue(css.contains("-rtfx-underline-color: -sc-finding-" + s + ";"), s);
            assertTrue(css.contains("-sc-finding-" + s + ": -color-"), s + " is a looked-up colour of the theme");
        }
    }

    @Test
    void findingsOfAnOlderTextWaitAndTheDrawnOnesMoveWithTheText() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor editor = new DockerfileEditor(() -> StageGraph.parse(""));
            String text = "FROM debian:bookworm-slim\nCMD run it\n";
            editor.setText(text);
            StageGraph g = StageGraph.parse(text);
            editor.show(g);
            editor.showFindings(g.tree(), lint(g));
            var area = editor.area();
            area.insertText(0, "# a comment\n"); // typed: the lint of this text has not come yet
            StageGraph typed = StageGraph.parse(area.getText());
            editor.show(typed);
            int cmd = area.getText().indexOf("CMD");
            assertEquals(List.of("keyword", "finding-warning"), List.copyOf(area.getStyleAtPosition(cmd + 1)),
                    "the drawn underline moved with its text");
            editor.showFindings(g.tree(), lint(g)); // a late result for the old text: ignored
            assertEquals(List.of("keyword", "finding-warning"), List.copyOf(area.getStyleAtPosition(cmd + 1)));
            assertEquals(List.of("comment"), List.copyOf(area.getStyleAtPosition(3)));
            assertTrue(editor.findingsAt(cmd + 1).isEmpty(), "no tooltip from findings of another text");
            area.replaceText(cmd, cmd + "CMD run it".length(), "CMD [\"run\", \"it\"]");
            StageGraph fixed = StageGraph.parse(area.getText());
            editor.show(fixed);
            editor.showFindings(fixed.tree(), lint(fixed));
            assertEquals(List.of("keyword"), List.copyOf(area.getStyleAtPosition(cmd + 1)), "fixed: the underline goes");
            assertEquals(-1, firstDifference(full(fixed), perChar(area.getStyleSpans(0, area.getLength())), area.getText()));
            return null;
        }).get();
    }

    @Test
    void randomEditsWithFindingsLookLikeAFullRestyle() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor editor = new DockerfileEditor(() -> StageGraph.parse(""));
            editor.setText(Template.GO.text());
            StageGraph start = StageGraph.parse(editor.area().getText());
            editor.show(start);
            editor.showFindings(start.tree(), lint(start));
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                var area = editor.area();
                int at = random.nextInt(area.getLength() + 1);
                if (random.nextInt(3) == 0 && at < area.getLength()) {
                    area.deleteText(at, Math.min(area.getLength(), at + 1 + random.nextInt(8)));
                } else {
                    area.insertText(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                }
                StageGraph g = StageGraph.parse(area.getText());
                editor.show(g);
                if (random.nextInt(4) == 0) {
                    continue; // this text's lint is late: the next edit comes first
                }
                editor.showFindings(g.tree(), lint(g));
                List<Collection<String>> expected = full(g);
                List<Collection<String>> shown = perChar(area.getStyleSpans(0, area.getLength()));
                int first = firstDifference(expected, shown, area.getText());
                int edit = i;
                assertEquals(-1, first, () -> "after edit " + edit + " at offset " + first + ": expected "
                        + (first < expected.size() ? expected.get(first) : "end") + " but shows "
                        + (first < shown.size() ? shown.get(first) : "end") + "\n" + area.getText());
            }
            return null;
        }).get();
    }

    @Test
    void thousandsOfNewFindingsAreDrawnABatchPerEventAndEndLikeAFullRestyle() throws Exception {
        StringBuilder sb = new StringBuilder("FROM debian:bookworm-slim\n");
        int runs = IncrementalStyler.MAX_REGIONS * 3;
        for (int i = 0; i < runs; i++) {
            sb.append("RUN apt-get install pkg").append(i).append('\n');
        }
        String text = sb.toString();
        DockerfileEditor editor = WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor e = linted(text);
            var area = e.area();
            assertTrue(area.getStyleAtPosition(text.indexOf("RUN apt-get install pkg0\n") + 1).contains("finding-warning"),
                    "the first batch is drawn at once, from the top of the view");
            int lastRun = text.lastIndexOf("RUN");
            assertEquals(List.of("keyword"), List.copyOf(area.getStyleAtPosition(lastRun + 1)), "the last waits for a later event");
            // the user types while the rest is being drawn: the findings drawn follow, the new text's come later
            area.insertText(0, "# a comment\n");
            e.show(StageGraph.parse(area.getText()));
            return e;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            var area = editor.area();
            StageGraph g = StageGraph.parse(area.getText());
            editor.show(g);
            editor.showFindings(g.tree(), lint(g));
        }).get();
        assertEndsLikeAFullRestyle(editor, 20);
    }

    /**
     * A big text's thousands of findings are drawn in spans of many underlines each (one model
     * change per span, not per underline), from the view on, and end like a full restyle.
     */
    @Test
    void thousandsOfFindingsInABigTextEndLikeAFullRestyle() throws Exception {
        StringBuilder sb = new StringBuilder("FROM debian:bookworm-slim\n");
        while (sb.length() < IncrementalStyler.FIRST_VIEW * 2) {
            sb.append("RUN apt-get install pkg").append(sb.length()).append('\n');
        }
        String text = sb.toString();
        int findings = lint(StageGraph.parse(text)).size();
        assertTrue(findings > 10 * IncrementalStyler.MAX_REGIONS, "thousands of findings: " + findings);
        DockerfileEditor editor = WaitForAsyncUtils.asyncFx(() -> linted(text)).get();
        assertEndsLikeAFullRestyle(editor, 60);
    }

    /** A new editor showing {@code text} and its findings. FX thread. */
    private static DockerfileEditor linted(String text) {
        DockerfileEditor e = new DockerfileEditor(() -> StageGraph.parse(""));
        e.setText(text);
        StageGraph g = StageGraph.parse(text);
        e.show(g);
        e.showFindings(g.tree(), lint(g));
        return e;
    }

    /** Once the editor has drawn every batch, it looks exactly like a full restyle of its text with its findings. */
    private static void assertEndsLikeAFullRestyle(DockerfileEditor editor, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS,
                () -> !WaitForAsyncUtils.asyncFx(editor::drawingUnderlines).get());
        WaitForAsyncUtils.asyncFx(() -> {
            var area = editor.area();
            StageGraph g = StageGraph.parse(area.getText());
            assertEquals(-1, firstDifference(full(g), perChar(area.getStyleSpans(0, area.getLength())), area.getText()));
            return null;
        }).get();
    }

    @Test
    void underlinesFollowEditsAsTheAreaMovesItsStyles() {
        List<Underline> drawn = List.of(new Underline(2, 5, "finding-info"), new Underline(10, 20, "finding-error"));
        var insert = new org.fxmisc.richtext.model.PlainTextChange(12, "", "abc");
        assertEquals(List.of(new Underline(2, 5, "finding-info"), new Underline(10, 23, "finding-error")),
                Underline.shift(drawn, insert));
        var before = new org.fxmisc.richtext.model.PlainTextChange(0, "x", "");
        assertEquals(List.of(new Underline(1, 4, "finding-info"), new Underline(9, 19, "finding-error")),
                Underline.shift(drawn, before));
        var cut = new org.fxmisc.richtext.model.PlainTextChange(4, "0123456789", "");
        assertEquals(List.of(new Underline(2, 4, "finding-info"), new Underline(4, 10, "finding-error")),
                Underline.shift(drawn, cut), "what the deletion leaves of each");
        var gone = new org.fxmisc.richtext.model.PlainTextChange(1, "0123456", "");
        assertEquals(List.of(new Underline(3, 13, "finding-error")), Underline.shift(drawn, gone));
        assertTrue(drawn == Underline.shift(drawn, new org.fxmisc.richtext.model.PlainTextChange(30, "", "x")),
                "an edit after every underline changes nothing");
    }

    private static List<Collection<String>> full(StageGraph g) {
        List<Underline> all = new ArrayList<>(Underline.ofDiagnostics(g.diagnostics()));
        all.addAll(Underline.ofFindings(lint(g)));
        all.sort(Underline.ORDER);
        return perChar(SyntaxStyles.computeAll(g.tree(), all));
    }

    /** RichTextFX keeps no style for line breaks (they separate paragraphs): those are skipped. */
    private static int firstDifference(List<Collection<String>> a, List<Collection<String>> b, String text) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size() || (text.charAt(i) != '\n' && !a.get(i).equals(b.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Collection<String>> perChar(StyleSpans<Collection<String>> spans) {
        List<Collection<String>> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> s : spans) {
            for (int i = 0; i < s.getLength(); i++) {
                out.add(List.copyOf(s.getStyle()));
            }
        }
        return out;
    }
}
