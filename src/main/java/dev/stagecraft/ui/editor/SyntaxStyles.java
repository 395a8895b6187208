package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Severity;
import dev.stagecraft.dockerfile.syntax.Token;
import dev.stagecraft.dockerfile.syntax.TokenKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns the parser's tokens and diagnostics into the editor's style spans: one CSS class per
 * token kind ({@code keyword}, {@code flag}, {@code stage-name}, ... in {@code syntax.css}) plus
 * {@code diagnostic-error} / {@code diagnostic-warning} underlines. No regexes: the lossless
 * tokens tile the text, so the spans cover it exactly. Pure; any thread.
 */
public final class SyntaxStyles {
    private static final List<String> NONE = Collections.emptyList();
    /** One shared, immutable class list per token kind (spans are compared by equality). */
    private static final java.util.Map<TokenKind, List<String>> CLASSES = new java.util.EnumMap<>(TokenKind.class);

    static {
        for (TokenKind k : TokenKind.values()) {
            String cls = styleClass(k);
            CLASSES.put(k, cls == null ? NONE : List.of(cls));
        }
    }

    private SyntaxStyles() {
    }

    /** The CSS class of a token kind, or null for plain text. */
    public static String styleClass(TokenKind kind) {
        return switch (kind) {
            case KEYWORD -> "keyword";
            case FLAG -> "flag";
            case FLAG_VALUE -> "flag-value";
            case STAGE_NAME -> "stage-name";
            case IMAGE -> "image";
            case PROPERTY -> "property";
            case OPERATOR -> "operator";
            case STRING -> "string";
            case VARIABLE -> "variable";
            case COMMENT -> "comment";
            case DIRECTIVE -> "directive";
            case HEREDOC_MARKER, HEREDOC_END -> "heredoc-marker";
            case HEREDOC_BODY -> "heredoc";
            case CONTINUATION -> "continuation";
            default -> null;
        };
    }

    public static StyleSpans<Collection<String>> compute(Dockerfile tree, List<Diagnostic> diagnostics) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>(tree.tokens().size() + 1);
        List<Token> tokens = tree.tokens();
        if (tokens.isEmpty()) {
            b.add(NONE, 0);
            return b.create();
        }
        for (Token t : tokens) {
            b.add(CLASSES.get(t.kind()), t.range().length());
        }
        StyleSpans<Collection<String>> spans = b.create();
        if (diagnostics.isEmpty()) {
            return spans;
        }
        return spans.overlay(diagnosticSpans(diagnostics, tree.source().length()), SyntaxStyles::union);
    }

    /**
     * Spans for {@code [from, to)} only, from the tokens that overlap it (clipped); for restyling
     * a region of a text without diagnostics.
     */
    public static StyleSpans<Collection<String>> compute(List<Token> tokens, int from, int to) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int i = firstTokenEndingAfter(tokens, from);
        boolean any = false;
        for (; i < tokens.size() && tokens.get(i).start() < to; i++) {
            Token t = tokens.get(i);
            int length = Math.min(t.end(), to) - Math.max(t.start(), from);
            if (length > 0) {
                b.add(CLASSES.get(t.kind()), length);
                any = true;
            }
        }
        if (!any) {
            b.add(NONE, to - from);
        }
        return b.create();
    }

    private static int firstTokenEndingAfter(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static StyleSpans<Collection<String>> diagnosticSpans(List<Diagnostic> diagnostics, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int pos = 0;
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort((x, y) -> Integer.compare(x.range().start(), y.range().start()));
        for (Diagnostic d : sorted) {
            int start = Math.max(pos, Math.min(d.range().start(), length));
            int end = Math.min(length, Math.max(d.range().end(), d.range().start() + 1));
            if (end <= start) {
                continue;
            }
            b.add(NONE, start - pos);
            b.add(List.of(d.severity() == Severity.ERROR ? "diagnostic-error" : "diagnostic-warning"), end - start);
            pos = end;
        }
        b.add(NONE, length - pos);
        return b.create();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<String> both = new ArrayList<>(a.size() + b.size());
        both.addAll(a);
        both.addAll(b);
        return both;
    }
}
