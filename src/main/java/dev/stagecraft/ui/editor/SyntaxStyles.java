package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
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
 * the class of the worst {@link Underline} over each character (parser diagnostics and lint
 * findings by severity). No regexes: the lossless tokens tile the text, so the spans cover it
 * exactly. Pure; any thread.
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
        return computeAll(tree, Underline.ofDiagnostics(diagnostics));
    }

    /** Spans for the whole text: its tokens, with {@code underlines} (sorted by start) drawn over them. */
    public static StyleSpans<Collection<String>> computeAll(Dockerfile tree, List<Underline> underlines) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>(tree.tokens().size() + 1);
        List<Token> tokens = tree.tokens();
        if (tokens.isEmpty()) {
            b.add(NONE, 0);
            return b.create();
        }
        for (Token t : tokens) {
            b.add(CLASSES.get(t.kind()), t.length());
        }
        StyleSpans<Collection<String>> spans = b.create();
        if (underlines.isEmpty()) {
            return spans;
        }
        return spans.overlay(underlineSpans(underlines, 0, tree.source().length()), SyntaxStyles::union);
    }

    /**
     * Spans for {@code [from, to)} only, from the tokens that overlap it (clipped); for restyling
     * a region of a text without underlines.
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

    /** Spans for {@code [from, to)} with the underlines (sorted by start) that overlap it drawn. */
    public static StyleSpans<Collection<String>> compute(List<Token> tokens, List<Underline> underlines, int from,
                                                         int to) {
        StyleSpans<Collection<String>> spans = compute(tokens, from, to);
        if (underlines.isEmpty()) {
            return spans;
        }
        return spans.overlay(underlineSpans(underlines, from, to), SyntaxStyles::union);
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

    /**
     * The underline classes over {@code [from, to)}, relative to {@code from}: where several
     * overlap, the worst ({@link Underline#rank}) wins. {@code underlines} are sorted by start.
     */
    private static StyleSpans<Collection<String>> underlineSpans(List<Underline> underlines, int from, int to) {
        List<Underline> here = new ArrayList<>();
        for (Underline u : underlines) {
            if (u.start() >= to) {
                break;
            }
            if (u.end() > from) {
                here.add(u);
            }
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        if (here.isEmpty()) {
            b.add(NONE, to - from);
            return b.create();
        }
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        for (Underline u : here) {
            cuts.add(Math.max(from, u.start()));
            cuts.add(Math.min(to, u.end()));
        }
        List<Underline> active = new ArrayList<>(); // those covering the segment that starts at prev
        int next = 0;
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null) {
                int segment = prev;
                while (next < here.size() && here.get(next).start() <= segment) {
                    active.add(here.get(next++));
                }
                active.removeIf(u -> u.end() <= segment);
                Underline best = null;
                for (Underline u : active) {
                    if (best == null || u.rank() < best.rank()) {
                        best = u;
                    }
                }
                b.add(best == null ? NONE : List.of(best.styleClass()), cut - prev);
            }
            prev = cut;
        }
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
