package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Dockerfile text into a lossless {@link Dockerfile}, following BuildKit's parser for
 * meaning (line joining, directives, heredocs, JSON fallback). Never throws: problems become
 * diagnostics and parsing goes on. Stateless entry point; safe from any thread.
 */
public final class DockerfileParser {
    private static final Set<String> DIRECTIVE_KEYS = Set.of("syntax", "escape", "check");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");

    private final String src;
    private final int n;
    private final LineIndex lines;
    private final List<Token> structural = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final Set<String> stageNames = new HashSet<>();
    /** One buffer for every instruction's joined text: the instruction keeps only what it parsed out. */
    private final LogicalLine logical = new LogicalLine();
    private char escape = '\\';
    /** Reads the words of every instruction (one per parse: the escape is fixed once the directives are read). */
    private WordScanner scanner;
    private int pos;
    /** Per instruction: how many structural tokens and diagnostics there were before its line. */
    private int[] structuralBefore = new int[16];
    private int[] diagnosticsBefore = new int[16];
    /** The first instruction of each parse whose line index the instructions keep (see {@link #reparse}). */
    private int[] generationStarts = new int[0];
    /**
     * For {@link #reparse}: the previous parse, whose text from {@code movedFrom - delta} on is this
     * text's from {@code movedFrom} on; once the reading reaches the line of one of its instructions
     * there, the rest is that parse moved by {@code delta}. Null when reading a text whole.
     */
    private Dockerfile moved;
    private int delta;
    private int movedFrom;
    /** For {@link Dockerfile#rereadSince}: the parse this one continues, where it started reading and where the moved rest begins. */
    private Dockerfile base;
    private int rereadStart;
    private int movedAt;

    // the physical line at pos, filled by readLine()
    private int lineEnd;      // end of content, before \r\n or \n
    private int nextLine;     // start of the next line
    private int firstNonBlank;

    private DockerfileParser(String text) {
        this.src = text;
        this.n = text.length();
        this.lines = new LineIndex(text);
    }

    public static Dockerfile parse(String text) {
        DockerfileParser p = new DockerfileParser(text == null ? "" : text);
        p.readHead();
        return p.readBody();
    }

    /**
     * Parses {@code text}, an edit of {@code previous}'s source, as {@link #parse} does, keeping
     * {@code previous}'s instructions that end before the line the edit starts on (found by comparing
     * the texts: no edit position is taken on trust). The parser reads a file top to bottom and its
     * state at the start of an instruction's line is the same for the same text before it (the escape
     * character, the directives, the stage names so far), so the result equals a full parse of
     * {@code text}; typing in the middle of a 2,000-line file reads only what follows again. Kept
     * instructions find their lines in the index of the parse that made them (the same lines before
     * the edit); at most {@link #MAX_GENERATIONS} such indexes are kept alive, then the text is read
     * whole. Safe from any thread ({@code previous} is immutable).
     */
    public static Dockerfile reparse(Dockerfile previous, String text) {
        if (previous == null || text == null) {
            return parse(text);
        }
        String old = previous.source();
        int edit = firstDifference(old, text);
        if (edit == old.length() && edit == text.length()) {
            return previous;
        }
        List<Instruction> was = previous.instructions();
        LineIndex oldLines = previous.lines();
        int keep = 0;
        int resume = 0;
        // the last instruction whose line starts at or before the edit is read again, with all after it
        for (int lo = 0, hi = was.size() - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            int lineStart = oldLines.lineStart(oldLines.line(was.get(mid).range().start()));
            if (lineStart <= edit) {
                keep = mid;
                resume = lineStart;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (keep == 0 || previous.generationsBefore(keep) >= MAX_GENERATIONS) {
            return parse(text);
        }
        DockerfileParser p = new DockerfileParser(text);
        p.resumeAt(previous, keep, resume);
        int same = commonSuffix(old, text, edit);
        p.moved = previous;
        p.base = previous;
        p.rereadStart = resume;
        p.movedAt = text.length();
        p.delta = text.length() - old.length();
        p.movedFrom = text.length() - same;
        return p.readBody();
    }

    /** How many characters at the end both texts share, not counting the first {@code prefix} of either. */
    private static int commonSuffix(String a, String b, int prefix) {
        int max = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < max && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    /** Line indexes kept instructions may hold alive before {@link #reparse} reads the text whole. */
    static final int MAX_GENERATIONS = 8;

    private static int firstDifference(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Takes the state a full parse has at {@code resume}: the line start of {@code previous}'s instruction {@code keep}. */
    private void resumeAt(Dockerfile previous, int keep, int resume) {
        escape = previous.escape();
        directives.addAll(previous.directives());
        structural.addAll(previous.structural().subList(0, previous.structuralBefore(keep)));
        diagnostics.addAll(previous.diagnostics().subList(0, previous.diagnosticsBefore(keep)));
        structuralBefore = Arrays.copyOf(previous.structuralBefore(), Math.max(16, previous.instructions().size()));
        diagnosticsBefore = Arrays.copyOf(previous.diagnosticsBefore(), structuralBefore.length);
        instructions.addAll(previous.instructions().subList(0, keep));
        stageNames.addAll(stageNames(instructions));
        generationStarts = previous.generationStartsBefore(keep);
        pos = resume;
    }

    /**
     * Ends the reading here with the rest of {@link #moved}, moved by {@link #delta}, if an instruction
     * of it starts at this line and the stages named before it are the same (they decide how FROM
     * words are read). Returns false, and reading goes on, otherwise.
     */
    private boolean takeMoved(int firstNew) {
        List<Instruction> was = moved.instructions();
        LineIndex oldLines = moved.lines();
        int at = pos - delta;
        int lo = 0;
        int hi = was.size() - 1;
        int j = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int lineStart = oldLines.lineStart(oldLines.line(was.get(mid).range().start()));
            if (lineStart == at) {
                j = mid;
                break;
            } else if (lineStart < at) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (j < 0) {
            return false;
        }
        if (!stageNames(instructions.subList(firstNew, instructions.size()))
                .equals(stageNames(was.subList(firstNew, j)))) {
            moved = null; // a stage was named or renamed: what follows may read differently
            return false;
        }
        Shifter shift = new Shifter(at, delta, lines);
        List<Instruction> movedInstructions = new ArrayList<>(was.size() - j);
        List<Token> movedStructural = new ArrayList<>();
        List<Diagnostic> movedDiagnostics = new ArrayList<>();
        try {
            for (Instruction i : was.subList(j, was.size())) {
                movedInstructions.add(shift.instruction(i));
            }
            for (Token t : moved.structural().subList(moved.structuralBefore(j), moved.structural().size())) {
                movedStructural.add(shift.token(t));
            }
            for (Diagnostic d : moved.diagnostics().subList(moved.diagnosticsBefore(j), moved.diagnostics().size())) {
                movedDiagnostics.add(shift.diagnostic(d));
            }
        } catch (Shifter.Unmovable e) {
            moved = null; // something there refers to text before it: read on
            return false;
        }
        for (int m = j; m < was.size(); m++) {
            int index = instructions.size() + m - j;
            if (index >= structuralBefore.length) {
                structuralBefore = Arrays.copyOf(structuralBefore, Math.max(index + 1, structuralBefore.length * 2));
                diagnosticsBefore = Arrays.copyOf(diagnosticsBefore, structuralBefore.length);
            }
            structuralBefore[index] = structural.size() + moved.structuralBefore(m) - moved.structuralBefore(j);
            diagnosticsBefore[index] = diagnostics.size() + moved.diagnosticsBefore(m) - moved.diagnosticsBefore(j);
        }
        instructions.addAll(movedInstructions);
        structural.addAll(movedStructural);
        diagnostics.addAll(movedDiagnostics);
        movedAt = pos;
        pos = n;
        return true;
    }

    /** The names the FROM instructions among {@code list} give their stages, lower-case, in order. */
    private static List<String> stageNames(List<Instruction> list) {
        List<String> names = new ArrayList<>();
        for (Instruction i : list) {
            List<Word> words = i.words();
            if (i.is("FROM") && words.size() > 2 && words.get(1).text().equalsIgnoreCase("AS")) {
                names.add(words.get(2).text().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private void readHead() {
        if (n > 0 && src.charAt(0) == '\uFEFF') {
            structural.add(token(TokenKind.BOM, 0, 1));
            pos = 1;
        }
        parseDirectives();
    }

    private Dockerfile readBody() {
        int firstNew = instructions.size();
        while (pos < n) {
            if (moved != null && pos >= movedFrom && takeMoved(firstNew)) {
                break;
            }
            readLine();
            if (firstNonBlank == lineEnd) {
                pos = nextLine;
            } else if (src.charAt(firstNonBlank) == '#') {
                structural.add(token(TokenKind.COMMENT, firstNonBlank, lineEnd));
                pos = nextLine;
            } else {
                parseInstruction();
            }
        }
        if (instructions.isEmpty()) {
            // BuildKit refuses both, with these words: an empty file, and one of comments and blank lines
            diagnostics.add(Diagnostic.error(n == 0 ? "the Dockerfile cannot be empty"
                    : "file with no instructions: add a FROM", range(0, 0)));
        }
        int[] generations = generationStarts;
        if (firstNew < instructions.size() || generations.length == 0) {
            // this parse's line index is held by the instructions it made (or, with none, by the directives)
            generations = Arrays.copyOf(generations, generations.length + 1);
            generations[generations.length - 1] = firstNew;
        }
        int count = instructions.size();
        return new Dockerfile(src, lines, escape, directives, instructions, structural, diagnostics,
                Arrays.copyOf(structuralBefore, count), Arrays.copyOf(diagnosticsBefore, count), generations,
                base, rereadStart, movedAt);
    }

    private void readLine() {
        int nl = src.indexOf('\n', pos);
        if (nl < 0) {
            lineEnd = n;
            nextLine = n;
            // Go's line scanner drops a final \r too
            if (lineEnd > pos && src.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
        } else {
            lineEnd = nl > pos && src.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            nextLine = nl + 1;
        }
        int i = pos;
        while (i < lineEnd && isBlank(src.charAt(i))) {
            i++;
        }
        firstNonBlank = i;
    }

    private void parseDirectives() {
        Set<String> seen = new HashSet<>();
        while (pos < n) {
            readLine();
            int[] m = directive(pos, lineEnd);
            if (m == null) {
                return;
            }
            String key = src.substring(m[0], m[1]).toLowerCase(Locale.ROOT);
            if (!DIRECTIVE_KEYS.contains(key)) {
                return; // an unknown key ends the directive block; the line is a comment
            }
            TextRange range = range(pos, lineEnd);
            TextRange valueRange = range(m[2], m[3]);
            structural.add(new Token(TokenKind.DIRECTIVE, range));
            if (!seen.add(key)) {
                diagnostics.add(Diagnostic.error("only one " + key + " parser directive can be used", range));
            } else {
                String value = src.substring(m[2], m[3]);
                directives.add(new Directive(key, value, range, valueRange));
                if (key.equals("escape")) {
                    if (value.equals("`") || value.equals("\\")) {
                        escape = value.charAt(0);
                    } else {
                        diagnostics.add(Diagnostic.error("invalid escape token '" + value
                                + "': use ` or \\", valueRange));
                    }
                }
            }
            pos = nextLine;
        }
    }

    /**
     * BuildKit's directive pattern {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} on
     * {@code [from, to)}, read by hand in one pass (a regex with a lazy group backtracks
     * quadratically on a long line of blanks). Returns the key's and the value's bounds, or null.
     */
    private int[] directive(int from, int to) {
        int i = from;
        if (i >= to || src.charAt(i) != '#') {
            return null;
        }
        i = skipGoSpace(i + 1, to);
        int keyStart = i;
        if (i >= to || !isAsciiLetter(src.charAt(i))) {
            return null;
        }
        while (i < to && (isAsciiLetter(src.charAt(i)) || (src.charAt(i) >= '0' && src.charAt(i) <= '9'))) {
            i++;
        }
        int keyEnd = i;
        i = skipGoSpace(i, to);
        if (i >= to || src.charAt(i) != '=') {
            return null;
        }
        int afterEquals = i + 1;
        i = skipGoSpace(afterEquals, to);
        int end = to;
        while (end > i && isGoSpace(src.charAt(end - 1))) {
            end--;
        }
        if (end > i) {
            return new int[] {keyStart, keyEnd, i, end};
        }
        // only blanks after '=': the lazy group still takes one, the last
        return to > afterEquals ? new int[] {keyStart, keyEnd, to - 1, to} : null;
    }

    private int skipGoSpace(int i, int to) {
        while (i < to && isGoSpace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Go's {@code \s}: ASCII blanks without the vertical tab. */
    private static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Gathers one instruction: its first line, continuation lines, then heredoc bodies. */
    private void parseInstruction() {
        int index = instructions.size();
        if (index == structuralBefore.length) {
            structuralBefore = Arrays.copyOf(structuralBefore, index * 2);
            diagnosticsBefore = Arrays.copyOf(diagnosticsBefore, index * 2);
        }
        structuralBefore[index] = structural.size();
        diagnosticsBefore[index] = diagnostics.size();
        int start = firstNonBlank;
        int end = lineEnd;
        LogicalLine logical = this.logical;
        logical.reset();
        boolean continued = appendContent(logical, firstNonBlank);
        pos = nextLine;
        while (continued && pos < n) {
            readLine();
            if (firstNonBlank == lineEnd) {
                // BuildKit skips empty continuation lines (its NoEmptyContinuation check warns, in lint)
                pos = nextLine;
                continue;
            }
            if (src.charAt(firstNonBlank) == '#') {
                // comment lines inside a continuation are dropped from the command
                structural.add(token(TokenKind.COMMENT, firstNonBlank, lineEnd));
                pos = nextLine;
                continue;
            }
            // continuation lines are not left-trimmed: their indentation is part of the command
            continued = appendContent(logical, pos);
            end = lineEnd;
            pos = nextLine;
        }
        if (scanner == null || scanner.escape() != escape) {
            scanner = new WordScanner(escape);
        }
        InstructionParser.Result parsed = InstructionParser.parse(src, logical, lines, escape, stageNames, scanner);
        diagnostics.addAll(parsed.diagnostics());
        List<Heredoc> heredocs = List.of();
        List<Token> tokens = parsed.tokens();
        if (HEREDOC_KEYWORDS.contains(parsed.keyword()) && !parsed.execForm() && !parsed.markers().isEmpty()) {
            heredocs = new ArrayList<>();
            tokens = new ArrayList<>(tokens);
            for (InstructionParser.Marker marker : parsed.markers()) {
                Heredoc h = readHeredoc(marker, tokens);
                heredocs.add(h);
                if (!h.terminated()) {
                    diagnostics.add(Diagnostic.error("unterminated heredoc: no line '" + h.name()
                            + "' ends it", h.markerRange()));
                    break;
                }
                end = h.endRange().end();
            }
            if (!heredocs.isEmpty()) {
                Heredoc last = heredocs.get(heredocs.size() - 1);
                if (!last.terminated() && last.bodyRange() != null) {
                    end = Math.max(end, withoutLineBreak(last.bodyRange().end()));
                }
            }
        }
        instructions.add(parsed.build(range(start, Math.max(start, end)), heredocs, tokens));
    }

    /** Appends the content of the current line from {@code from}; true if it ends in a continuation. */
    private boolean appendContent(LogicalLine logical, int from) {
        // BuildKit: ^(.*?)<escape>[ \t]*$ — the last non-blank character is the escape character
        int e = lineEnd;
        while (e > from && isBlank(src.charAt(e - 1))) {
            e--;
        }
        if (e > from && src.charAt(e - 1) == escape) {
            logical.append(src, from, e - 1);
            structural.add(token(TokenKind.CONTINUATION, e - 1, lineEnd));
            return true;
        }
        logical.append(src, from, lineEnd);
        return false;
    }

    /** Reads heredoc body lines up to the terminator; {@code <<-} allows tabs before it. */
    private Heredoc readHeredoc(InstructionParser.Marker m, List<Token> tokens) {
        int bodyStart = pos;
        StringBuilder content = new StringBuilder();
        while (pos < n) {
            readLine();
            int candidate = pos;
            if (m.chomp()) {
                while (candidate < lineEnd && src.charAt(candidate) == '\t') {
                    candidate++;
                }
            }
            if (src.regionMatches(candidate, m.name(), 0, m.name().length())
                    && candidate + m.name().length() == lineEnd) {
                TextRange body = bodyStart < pos ? range(bodyStart, pos) : null;
                if (body != null) {
                    tokens.add(new Token(TokenKind.HEREDOC_BODY, body));
                }
                TextRange endRange = range(pos, lineEnd);
                tokens.add(new Token(TokenKind.HEREDOC_END, endRange));
                pos = nextLine;
                return new Heredoc(m.name(), m.chomp(), m.quoted(), m.fd(), content.toString(), m.range(),
                        body, endRange);
            }
            content.append(src, pos, lineEnd).append('\n');
            pos = nextLine;
        }
        TextRange body = bodyStart < n ? range(bodyStart, n) : null;
        if (body != null) {
            tokens.add(new Token(TokenKind.HEREDOC_BODY, body));
        }
        return new Heredoc(m.name(), m.chomp(), m.quoted(), m.fd(), content.toString(), m.range(), body, null);
    }

    /** The offset before the line break that ends just before {@code offset}, if one does. */
    private int withoutLineBreak(int offset) {
        if (offset > 0 && src.charAt(offset - 1) == '\n') {
            offset--;
            if (offset > 0 && src.charAt(offset - 1) == '\r') {
                offset--;
            }
        }
        return offset;
    }

    private Token token(TokenKind kind, int from, int to) {
        return new Token(kind, range(from, to));
    }

    private TextRange range(int from, int to) {
        return lines.range(from, to);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
