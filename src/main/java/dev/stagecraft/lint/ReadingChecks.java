package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.model.Platform;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The advisory checks that were the parser's and the graph builder's warnings (the parser now
 * reports only what stops BuildKit from reading the file): MaintainerDeprecated,
 * NoEmptyContinuation, DuplicateStageName, STG017 (exec form that is not JSON), STG018 (an open quote the shell will
 * trip on), STG019 (a target platform that is not os/arch) and STG020 (an empty {@code --from=},
 * which Docker builds from the context). They are about the text, so they
 * look at every instruction of every stage, those before the first FROM and those ONBUILD wraps
 * included, whatever the target builds; DuplicateStageName, the graph builder's warning, on every
 * stage too.
 */
final class ReadingChecks implements Linter.Check {

    @Override
    public void run(LintContext ctx) {
        platform(ctx);
        duplicateNames(ctx);
        for (Instruction i : ctx.graph.tree().instructions()) {
            Stage s = ctx.graph.stageAt(i.range().start()).orElse(null);
            if (s != null && i.range().start() < s.from().range().start()) {
                s = null; // before the first FROM
            }
            if (i.is("MAINTAINER")) {
                ctx.report(BuildKitRules.MAINTAINER_DEPRECATED, i, i.range(), s,
                        "Maintainer instruction is deprecated in favor of using label",
                        Fixes.maintainerToLabel(i, "org.opencontainers.image.authors"));
            }
            if (emptyContinuation(ctx.src, i) || continuedToTheEnd(ctx.src, ctx.graph.tree().escape(), i)) {
                ctx.report(BuildKitRules.NO_EMPTY_CONTINUATION, i, i.range(), s, "Empty continuation line", null);
            }
            text(ctx, s, i, i);
            if (i.inner() != null) {
                text(ctx, s, i, i.inner());
            }
        }
    }

    /** STG017 and STG018 on {@code i} (an instruction, or what the ONBUILD {@code anchor} wraps). */
    private static void text(LintContext ctx, Stage s, Instruction anchor, Instruction i) {
        TextRange json = i.jsonFallbackRange();
        if (json != null && !shellTest(i)) {
            ctx.report(StagecraftRules.JSON_FALLBACK, anchor, json, s, i.jsonFallbackUnterminated()
                    ? "unterminated JSON array, so this runs in shell form"
                    : "not valid JSON, so this runs in shell form; check quotes (JSON needs \"double quotes\") and commas",
                    null);
        }
        for (Flag f : i.flags()) {
            if (f.name().equalsIgnoreCase("from") && f.value() != null && f.value().isEmpty()) {
                ctx.report(StagecraftRules.EMPTY_FROM, anchor, f.range(), s,
                        "--from= names nothing, so this copies from the build context: name a stage, a stage index or an image",
                        null);
            }
        }
        if (i.runsInShell()) {
            for (Word w : i.words()) {
                if (w.unterminatedQuote()) {
                    ctx.report(StagecraftRules.UNTERMINATED_SHELL_QUOTE, anchor, w.range(), s,
                            "unterminated quote in " + w.text() + ": the shell will fail on it", null);
                }
            }
        }
    }

    /**
     * {@code RUN [ -f x ] && …} or {@code RUN [[ … ]]}: the shell's test command, not a JSON array
     * gone wrong (the parser's old warning fired on these; the corpus has three). A "[" word whose
     * next word ends in a comma still reads as JSON: {@code CMD [ 'a', 'b' ]}.
     */
    private static boolean shellTest(Instruction i) {
        List<Word> w = i.words();
        int first = i.is("HEALTHCHECK") ? 1 : 0;
        if (w.size() <= first) {
            return false;
        }
        String open = w.get(first).text();
        return open.equals("[[") || open.equals("[") && (w.size() <= first + 1 || !w.get(first + 1).text().endsWith(","));
    }

    /** BuildKit's DuplicateStageName: a later stage of a name an earlier one has (references use the last). */
    private static void duplicateNames(LintContext ctx) {
        Set<String> names = new HashSet<>();
        for (Stage s : ctx.graph.stages()) {
            if (s.name() != null && s.nameRange() != null && !names.add(s.name())) {
                ctx.report(BuildKitRules.DUPLICATE_STAGE_NAME, s.from(), s.from().range(), s,
                        "Duplicate stage name " + BuildKitChecks.quote(s.name()) + ", stage names should be unique", null);
            }
        }
    }

    private static void platform(LintContext ctx) {
        String asked = ctx.graph.options().platform();
        if (asked != null && Platform.parse(asked) == null) {
            ctx.report(StagecraftRules.UNKNOWN_PLATFORM, null, ctx.graph.tree().lines().range(0, 0), null,
                    "platform '" + asked + "' is not os/arch[/variant]; using " + Platform.host(), null);
        }
    }

    /**
     * Whether a line of blanks continues the instruction: BuildKit skips it (the parser does too)
     * and warns. Heredoc bodies are not continuation lines.
     */
    static boolean emptyContinuation(String src, Instruction i) {
        int end = i.heredocs().isEmpty() || i.heredocs().get(0).bodyRange() == null ? i.range().end()
                : i.heredocs().get(0).bodyRange().start();
        int nl = src.indexOf('\n', i.range().start());
        while (nl >= 0 && nl < end) {
            int j = nl + 1;
            while (j < end && blank(src.charAt(j))) {
                j++;
            }
            if (j < end && src.charAt(j) == '\n') {
                return true;
            }
            nl = src.indexOf('\n', j);
        }
        return false;
    }

    /**
     * Whether the instruction's last line ends in a continuation and only blank lines (and comments)
     * follow, at least one empty: the parser skipped them up to the end of the file.
     */
    static boolean continuedToTheEnd(String src, char escape, Instruction i) {
        if (!i.heredocs().isEmpty()) {
            return false;
        }
        int k = i.range().end();
        int e = k;
        while (e > i.range().start() && blank(src.charAt(e - 1))) {
            e--;
        }
        if (e == i.range().start() || src.charAt(e - 1) != escape) {
            return false;
        }
        boolean empty = false;
        int nl = src.indexOf('\n', k);
        while (nl >= 0) {
            int j = nl + 1;
            while (j < src.length() && blank(src.charAt(j))) {
                j++;
            }
            if (j < src.length() && src.charAt(j) != '\n' && src.charAt(j) != '#') {
                return false;
            }
            empty |= j >= src.length() ? j > nl + 1 : src.charAt(j) == '\n';
            nl = src.indexOf('\n', j);
        }
        return empty;
    }

    /** The parser's blanks: a line of only these is empty. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
