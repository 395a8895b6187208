package dev.stagecraft.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.StageGraph;
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

/** After any edit, the partly restyled editor looks exactly like a full restyle would. */
class IncrementalStylerTest {
    private static final String[] SNIPPETS = {"x", "\"", "\n", " ", "FROM alpine AS a\n", "RUN <<EOF\n", "EOF\n",
        "COPY --from=a / /\n", "$HOME", "# c\n", "\\\n", "FROM a AS a\n"};

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Each edit's graph read whole, or from the one before as the window reads keystrokes ({@code reparse}). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void randomEditsMatchAFullRestyle(boolean fromThePreviousParse) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor editor = new DockerfileEditor(() -> StageGraph.parse(""));
            editor.setText(Template.GO.text());
            StageGraph[] last = {StageGraph.parse(editor.area().getText())};
            editor.show(last[0]);
            Random random = new Random(42);
            for (int i = 0; i < 300; i++) {
                var area = editor.area();
                int at = random.nextInt(area.getLength() + 1);
                if (random.nextInt(3) == 0 && at < area.getLength()) {
                    area.deleteText(at, Math.min(area.getLength(), at + 1 + random.nextInt(6)));
                } else {
                    area.insertText(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                }
                StageGraph g = fromThePreviousParse
                        ? StageGraph.of(dev.stagecraft.dockerfile.syntax.DockerfileParser.reparse(last[0].tree(),
                                area.getText()), dev.stagecraft.dockerfile.model.GraphOptions.DEFAULT)
                        : StageGraph.parse(area.getText());
                last[0] = g;
                editor.show(g);
                List<Collection<String>> full = perChar(SyntaxStyles.compute(g.tree(), g.diagnostics()));
                List<Collection<String>> shown = perChar(area.getStyleSpans(0, area.getLength()));
                int first = firstDifference(full, shown, area.getText());
                int edit = i;
                assertEquals(-1, first, () -> "after edit " + edit + " at offset " + first + ": expected "
                        + (first < full.size() ? full.get(first) : "end") + " but shows "
                        + (first < shown.size() ? shown.get(first) : "end") + "\n" + area.getText());
            }
            return null;
        }).get();
    }

    @Test
    void anUnderlineFarFromTheEditGoesAway() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor editor = new DockerfileEditor(() -> StageGraph.parse(""));
            var area = editor.area();
            // (a duplicate stage name, this test's first example, is a lint finding now, not the parser's)
            editor.setText("ARG S=2\nFROM alpine AS a\nRUN make\nFROM busybox AS b\nCOPY --from=${S} /x /y\n");
            editor.show(StageGraph.parse(area.getText()));
            int ref = area.getText().lastIndexOf("S}");
            assertEquals(List.of("stage-name", "diagnostic-error"), List.copyOf(area.getStyleAtPosition(ref + 1)));
            area.replaceText(6, 7, "0"); // the ARG now names stage 0: no index out of range any more
            editor.show(StageGraph.parse(area.getText()));
            assertEquals(List.of("stage-name"), List.copyOf(area.getStyleAtPosition(ref + 1)));
            return null;
        }).get();
    }

    /**
     * A big text (a 5 MB file) is styled around the view at once and the rest a batch per event,
     * so opening it does not wait for every span; when the batches are done it looks exactly like a
     * full restyle, also when the user typed in between.
     */
    @Test
    void aBigTextIsStyledAroundTheViewFirstThenAllOfIt() throws Exception {
        String big = Template.GO.text().repeat(IncrementalStyler.FIRST_VIEW / Template.GO.text().length() * 3);
        DockerfileEditor editor = WaitForAsyncUtils.asyncFx(() -> {
            DockerfileEditor e = new DockerfileEditor(() -> StageGraph.parse(""));
            e.setText(big);
            StageGraph g = StageGraph.parse(big);
            e.show(g);
            List<Collection<String>> full = perChar(SyntaxStyles.compute(g.tree(), g.diagnostics()));
            List<Collection<String>> shown = perChar(e.area().getStyleSpans(0, e.area().getLength()));
            assertEquals(-1, firstDifference(full.subList(0, 1000), shown.subList(0, 1000), big),
                    "the top, where the view is, is styled at once");
            int last = big.lastIndexOf("FROM");
            assertEquals(List.of(), List.copyOf(shown.get(last)), "the end waits for a later batch");
            e.area().insertText(last, "RUN x\n"); // typing while the rest is being styled
            e.show(StageGraph.parse(e.area().getText()));
            return e;
        }).get();
        for (int i = 0; i < 200 && WaitForAsyncUtils.asyncFx(editor::drawingUnderlines).get(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            var area = editor.area();
            StageGraph g = StageGraph.parse(area.getText());
            List<Collection<String>> full = perChar(SyntaxStyles.compute(g.tree(), g.diagnostics()));
            int first = firstDifference(full, perChar(area.getStyleSpans(0, area.getLength())), area.getText());
            assertEquals(-1, first, "after the batches, at offset " + first);
            return null;
        }).get();
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
