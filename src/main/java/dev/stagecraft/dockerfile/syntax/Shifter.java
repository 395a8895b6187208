package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Copies parse results of the text after an edit to their new offsets ({@code delta} later),
 * their lines found in the new text's index, for {@link DockerfileParser#reparse}: what follows
 * an edit reads the same, only moved. Strings are shared, ranges and tokens are new. A range
 * before {@code from} (old offsets) cannot be moved this way: {@link Unmovable} is thrown and the
 * parser reads on instead. One use, one thread.
 */
final class Shifter {
    private final int from;
    private final int delta;
    private final LineIndex lines;

    /** Thrown when a result refers to text before the moved part. */
    static final class Unmovable extends RuntimeException {
        Unmovable() {
            super(null, null, false, false);
        }
    }

    Shifter(int from, int delta, LineIndex lines) {
        this.from = from;
        this.delta = delta;
        this.lines = lines;
    }

    TextRange range(TextRange r) {
        if (r == null) {
            return null;
        }
        if (r.start() < from) {
            throw new Unmovable();
        }
        return lines.range(r.start() + delta, r.end() + delta);
    }

    Token token(Token t) {
        if (t.start() < from) {
            throw new Unmovable();
        }
        return new Token(t.kind(), lines.range(t.start() + delta, t.end() + delta));
    }

    Diagnostic diagnostic(Diagnostic d) {
        return new Diagnostic(d.severity(), d.message(), range(d.range()));
    }

    Instruction instruction(Instruction i) {
        List<Flag> flags = i.flags().isEmpty() ? List.of() : new ArrayList<>(i.flags().size());
        for (Flag f : i.flags()) {
            flags.add(new Flag(f.name(), f.value(), range(f.range()), range(f.valueRange())));
        }
        List<Word> words = i.words().isEmpty() ? List.of() : new ArrayList<>(i.words().size());
        for (Word w : i.words()) {
            words.add(new Word(w.text(), range(w.range()), w.unterminatedQuote()));
        }
        List<Heredoc> heredocs = i.heredocs().isEmpty() ? List.of() : new ArrayList<>(i.heredocs().size());
        for (Heredoc h : i.heredocs()) {
            heredocs.add(new Heredoc(h.name(), h.chomp(), h.quoted(), h.fileDescriptor(), h.content(),
                    range(h.markerRange()), range(h.bodyRange()), range(h.endRange())));
        }
        List<Token> tokens = new ArrayList<>(i.tokens().size());
        for (Token t : i.tokens()) {
            tokens.add(token(t));
        }
        return new Instruction(i.keyword(), range(i.keywordRange()), range(i.range()), readOnly(flags), i.arguments(),
                range(i.argumentsRange()), readOnly(words), i.execForm(), i.execArgs(), readOnly(heredocs),
                i.inner() == null ? null : instruction(i.inner()), readOnly(tokens));
    }

    private static <T> List<T> readOnly(List<T> list) {
        return list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
    }
}
