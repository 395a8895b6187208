package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Token;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Styles the area from a parse, restyling only the tokens that differ from the last parse it
 * applied (same kinds and lengths at the start and at the end are skipped) plus the text
 * changed since: restyling a 2,000-line file on every keystroke costs milliseconds. With
 * diagnostics on either side it restyles everything (their underlines move). FX thread only.
 */
final class IncrementalStyler {
    private final CodeArea area;
    private List<Token> applied;
    private boolean appliedDiagnostics;
    private int dirtyStart = Integer.MAX_VALUE;
    private int dirtyEnd = -1;

    IncrementalStyler(CodeArea area) {
        this.area = area;
        area.plainTextChanges().subscribe(this::changed);
    }

    private void changed(PlainTextChange c) {
        dirtyEnd = dirtyEnd >= c.getPosition() ? Math.max(c.getInsertionEnd(), dirtyEnd + c.getNetLength())
                : c.getInsertionEnd();
        dirtyStart = Math.min(dirtyStart, c.getPosition());
    }

    /** Forgets what was applied: the next {@link #apply} restyles everything. */
    void reset() {
        applied = null;
    }

    void apply(Dockerfile tree, List<Diagnostic> diagnostics) {
        List<Token> tokens = tree.tokens();
        int length = tree.source().length();
        if (applied == null || appliedDiagnostics || !diagnostics.isEmpty()) {
            area.setStyleSpans(0, SyntaxStyles.compute(tree, diagnostics));
        } else {
            int start = Math.min(commonPrefix(applied, tokens), Math.min(dirtyStart, length));
            int end = Math.max(length - commonSuffix(applied, tokens), Math.min(dirtyEnd, length));
            if (end > start) {
                area.setStyleSpans(start, SyntaxStyles.compute(tokens, start, end));
            }
        }
        applied = tokens;
        appliedDiagnostics = !diagnostics.isEmpty();
        dirtyStart = Integer.MAX_VALUE;
        dirtyEnd = -1;
    }

    /** Characters covered by the leading tokens of the same kind and length in both. */
    private static int commonPrefix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 0; i < n; i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (x.kind() != y.kind() || x.range().length() != y.range().length()) {
                return chars;
            }
            chars += x.range().length();
        }
        return chars;
    }

    private static int commonSuffix(List<Token> a, List<Token> b) {
        int n = Math.min(a.size(), b.size());
        int chars = 0;
        for (int i = 1; i <= n; i++) {
            Token x = a.get(a.size() - i);
            Token y = b.get(b.size() - i);
            if (x.kind() != y.kind() || x.range().length() != y.range().length()) {
                return chars;
            }
            chars += x.range().length();
        }
        return chars;
    }
}
