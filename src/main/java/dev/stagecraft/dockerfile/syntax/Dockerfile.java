package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lossless syntax tree of a Dockerfile: directives, instructions and every token, whose
 * ranges tile the source text, so {@link #print()} gives it back unchanged. Immutable once
 * parsed; the full token list is built on first use.
 */
public final class Dockerfile {
    private final String source;
    private final LineIndex lines;
    private final char escape;
    private final List<Directive> directives;
    private final List<Instruction> instructions;
    private final List<Token> structural;
    private final List<Diagnostic> diagnostics;
    /** Per instruction: how many structural tokens and diagnostics came before its line (for {@link DockerfileParser#reparse}). */
    private final int[] structuralBefore;
    private final int[] diagnosticsBefore;
    /** The first instruction of each parse whose line index these instructions hold, ascending. */
    private final int[] generationStarts;
    /** Who this tree is, for {@link #rereadSince}: trees made by {@link DockerfileParser#reparse} name their base's. */
    private final Object stamp = new Object();
    private final Object baseStamp;
    private final int rereadStart;
    private final int rereadEnd;
    private volatile List<Token> tokens;

    Dockerfile(String source, LineIndex lines, char escape, List<Directive> directives,
               List<Instruction> instructions, List<Token> structural, List<Diagnostic> diagnostics,
               int[] structuralBefore, int[] diagnosticsBefore, int[] generationStarts,
               Dockerfile base, int rereadStart, int rereadEnd) {
        this.source = source;
        this.lines = lines;
        this.escape = escape;
        this.directives = List.copyOf(directives);
        this.instructions = List.copyOf(instructions);
        this.structural = structural;
        this.diagnostics = List.copyOf(diagnostics);
        this.structuralBefore = structuralBefore;
        this.diagnosticsBefore = diagnosticsBefore;
        this.generationStarts = generationStarts;
        this.baseStamp = base == null ? null : base.stamp; // not the base: a chain of trees would stay alive
        this.rereadStart = rereadStart;
        this.rereadEnd = rereadEnd;
    }

    /**
     * When this tree was made by {@link DockerfileParser#reparse} from {@code base}: the part of this
     * text that was read anew, {@code [start, end)}; the tokens before it are {@code base}'s, those
     * after it {@code base}'s moved by the change in length (same kinds and lengths). Else null: compare
     * the tokens. What the editor's highlighting restyles after a keystroke.
     */
    public int[] rereadSince(Dockerfile base) {
        return base != null && baseStamp == base.stamp ? new int[] {rereadStart, rereadEnd} : null;
    }

    /** The comment tokens, in order (also those between continuation lines). */
    public List<Token> comments() {
        List<Token> out = new ArrayList<>();
        for (Token t : structural) {
            if (t.kind() == TokenKind.COMMENT) {
                out.add(t);
            }
        }
        return out;
    }

    // ---- for DockerfileParser.reparse ------------------------------------------------------------

    List<Token> structural() {
        return structural;
    }

    int structuralBefore(int instruction) {
        return structuralBefore[instruction];
    }

    int diagnosticsBefore(int instruction) {
        return diagnosticsBefore[instruction];
    }

    int[] structuralBefore() {
        return structuralBefore.clone();
    }

    int[] diagnosticsBefore() {
        return diagnosticsBefore.clone();
    }

    /** The starts of the generations instructions {@code [0, instruction)} (and what precedes them) hold. */
    int[] generationStartsBefore(int instruction) {
        int k = 0;
        while (k < generationStarts.length && generationStarts[k] < instruction) {
            k++;
        }
        return java.util.Arrays.copyOf(generationStarts, k);
    }

    int generationsBefore(int instruction) {
        return generationStartsBefore(instruction).length;
    }

    public String source() {
        return source;
    }

    public LineIndex lines() {
        return lines;
    }

    /** The escape character: {@code \} unless {@code # escape=`} says otherwise. */
    public char escape() {
        return escape;
    }

    public List<Directive> directives() {
        return directives;
    }

    public java.util.Optional<Directive> directive(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Prints the tree: the concatenation of all tokens, equal to the source for any input. */
    public String print() {
        StringBuilder sb = new StringBuilder(source.length());
        for (Token t : tokens()) {
            sb.append(source, t.start(), t.end());
        }
        return sb.toString();
    }

    /** Every token in order; together they cover each character of the source exactly once. */
    public List<Token> tokens() {
        List<Token> t = tokens;
        if (t == null) {
            t = Collections.unmodifiableList(buildTokens());
            tokens = t;
        }
        return t;
    }

    /**
     * Tokens that together cover {@code [from, to)}: the meaningful ones that overlap it (whole) and
     * the text between them, as {@link #tokens()} splits it (a run of blanks or text may be cut at
     * {@code from} or {@code to}). Made from the instructions there, without the whole list: what
     * restyling a keystroke's change needs.
     */
    public List<Token> tokens(int from, int to) {
        List<Token> all = tokens;
        if (all != null) {
            return all;
        }
        from = Math.max(0, Math.min(from, source.length()));
        to = Math.max(from, Math.min(to, source.length()));
        if (to > from && to < source.length() && source.charAt(to - 1) == '\r' && source.charAt(to) == '\n') {
            to++; // a line break is not cut in two
        }
        List<Token> inInstructions = new ArrayList<>();
        for (int i = firstEndingAfter(instructions, from); i < instructions.size(); i++) {
            Instruction ins = instructions.get(i);
            if (ins.range().start() >= to) {
                break;
            }
            for (Token t : ins.tokens()) {
                if (t.end() > from && t.start() < to || t.start() == t.end() && t.start() >= from && t.start() < to) {
                    inInstructions.add(t);
                }
            }
        }
        List<Token> inStructure = new ArrayList<>();
        int lo = 0;
        int hi = structural.size();
        while (lo < hi) { // the first structural token ending after from
            int mid = (lo + hi) >>> 1;
            if (structural.get(mid).end() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < structural.size() && structural.get(k).start() < to; k++) {
            inStructure.add(structural.get(k));
        }
        List<Token> out = new ArrayList<>();
        int pos = from;
        for (Token t : merge(inStructure, inInstructions)) {
            if (t.end() <= pos && t.start() < pos) {
                continue;
            }
            if (t.start() > pos) {
                fillGap(pos, t.start(), out);
            }
            out.add(t);
            pos = Math.max(pos, t.end());
        }
        fillGap(pos, to, out);
        return out;
    }

    /** Where an instruction's text ends: an open heredoc's body takes the line break its range leaves out. */
    private static int end(Instruction i) {
        List<Token> t = i.tokens();
        return t.isEmpty() ? i.range().end() : Math.max(i.range().end(), t.get(t.size() - 1).end());
    }

    private static int firstEndingAfter(List<Instruction> list, int offset) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(list.get(mid)) <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private List<Token> buildTokens() {
        List<Token> inInstructions = new ArrayList<>(instructions.size() * 8);
        for (Instruction i : instructions) {
            inInstructions.addAll(i.tokens());
        }
        List<Token> meaningful = merge(structural, inInstructions);
        List<Token> out = new ArrayList<>(meaningful.size() * 2);
        int pos = 0;
        for (Token t : meaningful) {
            if (t.start() < pos) {
                continue; // defensive: never emit overlapping tokens
            }
            fillGap(pos, t.start(), out);
            out.add(t);
            pos = t.end();
        }
        fillGap(pos, source.length(), out);
        return out;
    }

    /**
     * Both lists in order of their start: a linear merge when each is in order already (as the
     * parser makes them: the keystroke path builds this list for every parse), else a sort.
     */
    private static List<Token> merge(List<Token> a, List<Token> b) {
        List<Token> out = new ArrayList<>(a.size() + b.size());
        if (!sorted(a) || !sorted(b)) {
            out.addAll(a);
            out.addAll(b);
            out.sort((x, y) -> Integer.compare(x.start(), y.start()));
            return out;
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || i < a.size() && a.get(i).start() <= b.get(j).start()) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    private static boolean sorted(List<Token> tokens) {
        for (int k = 1; k < tokens.size(); k++) {
            if (tokens.get(k).start() < tokens.get(k - 1).start()) {
                return false;
            }
        }
        return true;
    }

    /** Splits text no meaningful token covers into whitespace, newlines and plain text. */
    private void fillGap(int from, int to, List<Token> out) {
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            int j = i + 1;
            TokenKind kind;
            if (c == '\n') {
                kind = TokenKind.NEWLINE;
            } else if (c == '\r' && j < to && source.charAt(j) == '\n') {
                kind = TokenKind.NEWLINE;
                j++;
            } else if (c == ' ' || c == '\t') {
                kind = TokenKind.WHITESPACE;
                while (j < to && (source.charAt(j) == ' ' || source.charAt(j) == '\t')) {
                    j++;
                }
            } else {
                kind = TokenKind.TEXT;
                while (j < to && " \t\n".indexOf(source.charAt(j)) < 0
                        && !(source.charAt(j) == '\r' && j + 1 < to && source.charAt(j + 1) == '\n')) {
                    j++;
                }
            }
            out.add(new Token(kind, lines.range(i, j)));
            i = j;
        }
    }
}
