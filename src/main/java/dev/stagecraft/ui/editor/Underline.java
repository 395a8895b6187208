package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.lint.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * One underline in the editor: {@code [start, end)} of the text (at least one character) and its
 * CSS class, which says what and how bad: {@code diagnostic-error} and {@code diagnostic-warning}
 * for what stops or troubles the parser, {@code finding-error}, {@code finding-warning},
 * {@code finding-info} and {@code finding-style} for lint findings by severity. Where underlines
 * overlap, the worse one is drawn ({@link #rank}). Immutable.
 */
public record Underline(int start, int end, String styleClass) {
    static final Comparator<Underline> ORDER = Comparator.comparingInt(Underline::start).thenComparingInt(Underline::end)
            .thenComparing(Underline::styleClass);
    private static final List<String> RANKED = List.of("diagnostic-error", "finding-error", "diagnostic-warning",
            "finding-warning", "finding-info", "finding-style");

    public Underline {
        if (end <= start) {
            end = start + 1; // a zero-width problem (at the end of a line) still gets a mark
        }
    }

    public static Underline of(Diagnostic d) {
        return new Underline(d.range().start(), d.range().end(),
                d.severity() == dev.stagecraft.dockerfile.syntax.Severity.ERROR ? "diagnostic-error" : "diagnostic-warning");
    }

    public static Underline of(Finding f) {
        return new Underline(f.range().start(), f.range().end(), "finding-" + f.severity().label());
    }

    /** Lower is worse: parser errors, then error findings, parser warnings, warnings, info, style. */
    int rank() {
        int r = RANKED.indexOf(styleClass);
        return r < 0 ? RANKED.size() : r;
    }

    static List<Underline> ofDiagnostics(List<Diagnostic> diagnostics) {
        List<Underline> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.add(of(d));
        }
        out.sort(ORDER);
        return out;
    }

    static List<Underline> ofFindings(List<Finding> findings) {
        List<Underline> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(of(f));
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Where underlines drawn before {@code c} are after it, as the area moves its styles: before
     * the change they stay, after it they shift, an underline the change cut into keeps what is
     * left, one it removed entirely goes. The result stays sorted.
     */
    static List<Underline> shift(List<Underline> drawn, PlainTextChange c) {
        int at = c.getPosition();
        int removedEnd = at + c.getRemoved().length();
        int net = c.getNetLength();
        List<Underline> out = null;
        for (int i = 0; i < drawn.size(); i++) {
            Underline u = drawn.get(i);
            if (u.end < at) {
                if (out != null) {
                    out.add(u);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(drawn.size());
                out.addAll(drawn.subList(0, i));
            }
            int s = u.start < at ? u.start : u.start >= removedEnd ? u.start + net : at + c.getInserted().length();
            int e = u.end < at ? u.end : u.end >= removedEnd ? u.end + net : at;
            if (e > s) {
                out.add(new Underline(s, e, u.styleClass));
            }
        }
        if (out == null) {
            return drawn;
        }
        out.sort(ORDER);
        return out;
    }
}
