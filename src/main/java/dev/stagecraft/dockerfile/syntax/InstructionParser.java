package dev.stagecraft.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses one joined instruction line: keyword, builder flags, arguments (shell words, JSON exec
 * form, heredoc markers), and the meaningful tokens for highlighting, mapped back to the source.
 */
final class InstructionParser {
    private static final Set<String> JSON_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");
    /** Keywords whose arguments BuildKit tries as JSON: the exec-form ones, and HEALTHCHECK after CMD. */
    static final Set<String> JSON_ATTEMPT = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
            "HEALTHCHECK");
    /** Where BuildKit hands the words to a shell at run time: an open quote is the shell's problem (STG018). */
    static final Set<String> SHELL_RUNTIME = Set.of("RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK", "SHELL");

    /** A heredoc marker found on the instruction line, waiting for its body. */
    record Marker(String name, boolean chomp, boolean quoted, Integer fd, TextRange range) {
    }

    /** What {@link #parse} found; {@link #build} makes the instruction once heredoc bodies are read. */
    record Result(String keyword, String keywordText, TextRange keywordRange, List<Flag> flags, String arguments,
                  TextRange argumentsRange, List<Word> words, boolean execForm, List<String> execArgs,
                  Instruction inner, List<Marker> markers, List<Token> tokens, List<Diagnostic> diagnostics) {

        Instruction build(TextRange range, List<Heredoc> heredocs, List<Token> allTokens) {
            return new Instruction(keyword, keywordRange, range, flags, arguments, argumentsRange, words, execForm,
                    execArgs, List.copyOf(heredocs), inner, List.copyOf(allTokens));
        }
    }

    private final String src;
    private final LogicalLine line;
    private final LineIndex lines;
    private final char escape;
    private final Set<String> stageNames;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final WordScanner scanner;
    /** The first '}' at or after {@link #braceFrom} (-1: none), so finding ${...} ends stays linear. */
    private int braceFrom = Integer.MAX_VALUE;
    private int braceAt = -1;

    private InstructionParser(String src, LogicalLine line, LineIndex lines, char escape, Set<String> stageNames,
                              WordScanner scanner) {
        this.src = src;
        this.line = line;
        this.lines = lines;
        this.escape = escape;
        this.stageNames = stageNames;
        this.scanner = scanner;
    }

    /** Parses one instruction; {@code scanner} (for {@code escape}) is the parse's, reused line after line. */
    static Result parse(String src, LogicalLine line, LineIndex lines, char escape, Set<String> stageNames,
                        WordScanner scanner) {
        InstructionParser p = new InstructionParser(src, line, lines, escape, stageNames, scanner);
        return p.parseFrom(0, false);
    }

    /** Parses the instruction starting at {@code from}; {@code trigger}: it is what an ONBUILD runs. */
    private Result parseFrom(int from, boolean trigger) {
        String text = line.text();
        int len = text.length();
        int i = skipBlanks(text, from);
        int kwStart = i;
        while (i < len && !isSpace(text.charAt(i))) {
            i++;
        }
        String keywordText = text.substring(kwStart, i);
        String keyword = keywordText.toUpperCase(Locale.ROOT);
        TextRange keywordRange = range(kwStart, i);
        span(kwStart, i, TokenKind.KEYWORD);
        if (!Instruction.KEYWORDS.contains(keyword)) {
            diagnostics.add(Diagnostic.error("unknown instruction: " + keywordText, keywordRange));
        }

        List<Flag> flags = new ArrayList<>();
        int argsStart = parseFlags(text, skipBlanks(text, i), flags);
        argsStart = skipBlanks(text, argsStart);
        int argsEnd = len;
        while (argsEnd > argsStart && isSpace(text.charAt(argsEnd - 1))) {
            argsEnd--;
        }
        String arguments = text.substring(argsStart, argsEnd);
        TextRange argumentsRange = argsEnd > argsStart ? range(argsStart, argsEnd) : null;

        List<Word> words = List.of();
        List<String> execArgs = List.of();
        List<Marker> markers = List.of();
        boolean execForm = false;
        Instruction inner = null;
        switch (keyword) {
            case "ONBUILD" -> {
                if (trigger) {
                    // ONBUILD ONBUILD ...: refused (parseOnbuild says so); read the rest as words, not
                    // as one more level, so a line of thousands of ONBUILDs costs no stack
                    List<Lw> lws = words(text, argsStart, argsEnd);
                    words = toWords(lws);
                    for (Lw w : lws) {
                        valueSpans(w.start(), w.end(), TokenKind.TEXT);
                    }
                } else {
                    inner = parseOnbuild(argsStart);
                }
            }
            case "HEALTHCHECK" -> {
                List<Lw> all = words(text, argsStart, argsEnd);
                words = toWords(all);
                if (all.isEmpty() || !(all.get(0).text(text).equalsIgnoreCase("CMD")
                        || all.get(0).text(text).equalsIgnoreCase("NONE"))) {
                    diagnostics.add(Diagnostic.error("HEALTHCHECK needs CMD or NONE",
                            argumentsRange != null ? argumentsRange : keywordRange));
                } else {
                    Lw first = all.get(0);
                    span(first.start(), first.end(), TokenKind.KEYWORD);
                    JsonArgs.Result json = tryJson(text, skipBlanks(text, first.end()), argsEnd, keyword);
                    if (json != null) {
                        execForm = true;
                        execArgs = json.elements().stream().map(JsonArgs.Element::value).toList();
                    } else {
                        for (Lw w : all.subList(1, all.size())) {
                            valueSpans(w.start(), w.end(), TokenKind.TEXT);
                        }
                    }
                }
            }
            default -> {
                JsonArgs.Result json = JSON_FORM.contains(keyword) ? tryJson(text, argsStart, argsEnd, keyword) : null;
                if (json != null) {
                    execForm = true;
                    execArgs = json.elements().stream().map(JsonArgs.Element::value).toList();
                } else {
                    List<Lw> lws = words(text, argsStart, argsEnd);
                    words = toWords(lws);
                    markers = classifyWords(keyword, lws, words);
                }
            }
        }
        checkArguments(keyword, keywordRange, words, execForm, markers, argumentsRange, flags);
        return new Result(keyword, keywordText, keywordRange, List.copyOf(flags), arguments, argumentsRange,
                List.copyOf(words), execForm, execArgs, inner, markers, tokens, diagnostics);
    }

    private Instruction parseOnbuild(int argsStart) {
        if (argsStart >= line.length()) {
            diagnostics.add(Diagnostic.error("ONBUILD needs an instruction", range(Math.max(0, line.length() - 1),
                    line.length())));
            return null;
        }
        InstructionParser innerParser = new InstructionParser(src, line, lines, escape, stageNames, scanner);
        Result r = innerParser.parseFrom(argsStart, true);
        tokens.addAll(r.tokens());
        diagnostics.addAll(r.diagnostics());
        if (Set.of("ONBUILD", "FROM", "MAINTAINER").contains(r.keyword())) {
            diagnostics.add(Diagnostic.error(r.keyword() + " isn't allowed as an ONBUILD trigger", r.keywordRange()));
        }
        return r.build(range(skipBlanks(line.text(), argsStart), line.length()), List.of(), r.tokens());
    }

    /**
     * BuildKit's extractBuilderFlags: words starting with {@code --} before the arguments;
     * quotes in a flag are removed, a lone {@code --} ends the flags.
     */
    private int parseFlags(String text, int i, List<Flag> flags) {
        int len = text.length();
        while (i < len) {
            i = skipBlanks(text, i);
            if (i + 1 >= len || text.charAt(i) != '-' || text.charAt(i + 1) != '-') {
                return i;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            char quote = 0;
            int eq = -1;
            while (i < len && (quote != 0 || !isSpace(text.charAt(i)))) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && i + 1 < len) {
                        word.append(text.charAt(++i));
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < len) {
                    word.append(text.charAt(++i));
                } else {
                    if (c == '=' && eq < 0) {
                        eq = i;
                    }
                    word.append(c);
                }
                i++;
            }
            if (word.toString().equals("--")) {
                span(start, i, TokenKind.FLAG);
                return i;
            }
            if (quote != 0) {
                diagnostics.add(Diagnostic.error("unterminated quote in flag", range(start, i)));
            }
            String w = word.toString();
            int weq = w.indexOf('=');
            String name = weq < 0 ? w.substring(2) : w.substring(2, weq);
            String value = weq < 0 ? null : w.substring(weq + 1);
            TextRange valueRange = eq < 0 ? null : range(eq + 1, Math.max(eq + 1, i));
            int nameEnd = eq < 0 ? i : eq + 1;
            span(start, nameEnd, TokenKind.FLAG);
            if (eq >= 0 && i > eq + 1) {
                boolean stageRef = name.equalsIgnoreCase("from");
                span(eq + 1, i, stageRef ? TokenKind.STAGE_NAME : TokenKind.FLAG_VALUE);
            }
            flags.add(new Flag(name, value, range(start, i), valueRange));
        }
        return i;
    }

    private JsonArgs.Result tryJson(String text, int from, int to, String keyword) {
        if (from >= to || text.charAt(from) != '[') {
            return null;
        }
        String candidate = text.substring(from, to);
        JsonArgs.Result r = JsonArgs.parse(candidate);
        switch (r.outcome()) {
            case STRINGS -> {
                for (int p : r.punctuation()) {
                    span(from + p, from + p + 1, TokenKind.OPERATOR);
                }
                for (JsonArgs.Element e : r.elements()) {
                    span(from + e.start(), from + e.end(), TokenKind.STRING);
                }
                return r;
            }
            case NOT_STRINGS -> diagnostics.add(Diagnostic.error(keyword
                    + ": the exec form must be a JSON array of strings", range(from, to)));
            case NOT_JSON -> {
                // BuildKit reads it in shell form without a word; lint's STG017 says so
            }
        }
        return null;
    }

    /** BuildKit's parseWords: whitespace splits, quotes and the escape character group ({@link WordScanner}). */
    private List<Lw> words(String text, int from, int to) {
        List<Lw> out = new ArrayList<>();
        WordScanner sc = scanner.reset(text, from, to);
        int wordStart = -1;
        for (int step = sc.next(); step != WordScanner.END; step = sc.next()) {
            if (step == WordScanner.BLANK) {
                if (wordStart >= 0) {
                    out.add(new Lw(wordStart, sc.start(), false));
                    wordStart = -1;
                }
            } else if (wordStart < 0) {
                wordStart = sc.start();
            }
        }
        if (wordStart >= 0) {
            out.add(new Lw(wordStart, to, sc.open()));
        }
        return out;
    }

    /** A word in logical coordinates. */
    private record Lw(int start, int end, boolean unterminated) {
        String text(String line) {
            return line.substring(start, end);
        }
    }

    private List<Word> toWords(List<Lw> lws) {
        String text = line.text();
        List<Word> out = new ArrayList<>(lws.size());
        for (Lw w : lws) {
            out.add(new Word(w.text(text), range(w.start(), w.end()), w.unterminated()));
        }
        return out;
    }

    /** Gives each argument word its token kinds; returns the heredoc markers among them. */
    private List<Marker> classifyWords(String keyword, List<Lw> lws, List<Word> words) {
        List<Marker> markers = new ArrayList<>();
        switch (keyword) {
            case "FROM" -> {
                for (int k = 0; k < words.size(); k++) {
                    Lw b = lws.get(k);
                    Word w = words.get(k);
                    if (k == 0) {
                        boolean stage = stageNames.contains(w.text().toLowerCase(Locale.ROOT));
                        valueSpans(b.start(), b.end(), stage ? TokenKind.STAGE_NAME : TokenKind.IMAGE);
                    } else if (k == 1 && w.text().equalsIgnoreCase("AS")) {
                        span(b.start(), b.end(), TokenKind.KEYWORD);
                    } else if (k == 2 && words.get(1).text().equalsIgnoreCase("AS")) {
                        span(b.start(), b.end(), TokenKind.STAGE_NAME);
                        stageNames.add(w.text().toLowerCase(Locale.ROOT));
                    } else {
                        valueSpans(b.start(), b.end(), TokenKind.TEXT);
                    }
                }
            }
            case "ENV", "LABEL", "ARG" -> {
                boolean legacy = !keyword.equals("ARG") && !words.isEmpty() && !words.get(0).text().contains("=");
                for (int k = 0; k < words.size(); k++) {
                    Lw b = lws.get(k);
                    int eq = words.get(k).text().indexOf('=');
                    if (legacy) {
                        valueSpans(b.start(), b.end(), k == 0 ? TokenKind.PROPERTY : TokenKind.TEXT);
                    } else if (eq < 0) {
                        span(b.start(), b.end(), TokenKind.PROPERTY);
                    } else {
                        span(b.start(), b.start() + eq, TokenKind.PROPERTY);
                        span(b.start() + eq, b.start() + eq + 1, TokenKind.OPERATOR);
                        valueSpans(b.start() + eq + 1, b.end(), TokenKind.TEXT);
                    }
                }
            }
            default -> {
                boolean heredocs = keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD");
                for (int k = 0; k < words.size(); k++) {
                    Lw b = lws.get(k);
                    Marker m = heredocs ? heredocMarker(words.get(k), b) : null;
                    if (m != null) {
                        markers.add(m);
                        span(b.start(), b.end(), TokenKind.HEREDOC_MARKER);
                    } else {
                        valueSpans(b.start(), b.end(), TokenKind.TEXT);
                    }
                }
            }
        }
        return markers;
    }

    /** BuildKit: a word {@code ^(\d*)<<(-?)([^<]*)$} starts a heredoc; read by hand, in one pass. */
    private Marker heredocMarker(Word w, Lw b) {
        String t = w.text();
        int i = 0;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (!t.startsWith("<<", i)) {
            return null;
        }
        String digits = t.substring(0, i);
        i += 2;
        boolean chomp = i < t.length() && t.charAt(i) == '-';
        String raw = t.substring(chomp ? i + 1 : i);
        if (raw.isEmpty() || raw.indexOf('<') >= 0) {
            return null;
        }
        String name = unquote(raw);
        if (name.isEmpty()) {
            return null;
        }
        Integer fd = null;
        if (!digits.isEmpty()) {
            try {
                fd = Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                // BuildKit fails on a descriptor out of range too
                diagnostics.add(Diagnostic.error("heredoc file descriptor " + (digits.length() > 20
                        ? digits.substring(0, 20) + "\u2026" : digits) + " is out of range", range(b.start(), b.end())));
                return null;
            }
        }
        return new Marker(name, chomp, !name.equals(raw), fd, range(b.start(), b.end()));
    }

    /** Removes quotes and escapes as the shell would, without expanding anything. */
    private String unquote(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == escape && quote != '\'' && i + 1 < raw.length()) {
                sb.append(raw.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Spans of a value: quoted parts are strings, {@code $X} / {@code ${X}} variables. */
    private void valueSpans(int from, int to, TokenKind plain) {
        String text = line.text();
        int runStart = from;
        TokenKind runKind = plain;
        WordScanner sc = scanner.reset(text, from, to);
        for (int step = sc.next(); step != WordScanner.END; step = sc.next()) {
            switch (step) {
                case WordScanner.OPEN_QUOTE -> {
                    span(runStart, sc.start(), runKind);
                    runStart = sc.start();
                    runKind = TokenKind.STRING;
                }
                case WordScanner.CLOSE_QUOTE -> {
                    span(runStart, sc.position(), runKind);
                    runStart = sc.position();
                    runKind = plain;
                }
                case WordScanner.DOLLAR -> {
                    int dollar = sc.start();
                    int end = variableEnd(text, dollar, to);
                    if (end > dollar + 1) {
                        span(runStart, dollar, runKind);
                        span(dollar, end, TokenKind.VARIABLE);
                        runStart = end;
                        sc.skipTo(end); // a ${...} is one token, whatever quotes it holds
                    }
                }
                default -> {
                }
            }
        }
        span(runStart, to, runKind);
    }

    private int variableEnd(String text, int dollar, int to) {
        int i = dollar + 1;
        if (i < to && text.charAt(i) == '{') {
            int close = firstBrace(text, i);
            return close < 0 || close >= to ? dollar : close + 1;
        }
        while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** {@code text.indexOf('}', from)}, remembered: a line of a million "${" is read once, not a million times. */
    private int firstBrace(String text, int from) {
        boolean known = from >= braceFrom && (braceAt < 0 || from <= braceAt);
        if (!known) {
            braceFrom = from;
            braceAt = text.indexOf('}', from);
        }
        return braceAt;
    }

    private void checkArguments(String keyword, TextRange keywordRange, List<Word> words, boolean execForm,
                                List<Marker> markers, TextRange argumentsRange, List<Flag> flags) {
        for (Word w : words) {
            if (w.unterminatedQuote() && !SHELL_RUNTIME.contains(keyword)) {
                diagnostics.add(Diagnostic.error("unterminated quote in " + w.text(), w.range()));
            }
        }
        // an empty --from= copies from the build context (Docker 20.10's BuildKit and classic builder
        // both build it): lint's STG020 says so, the parser has nothing to refuse
        boolean noArgs = argumentsRange == null;
        switch (keyword) {
            case "COPY", "ADD" -> {
                if (!execForm && markers.isEmpty() && words.size() < 2) {
                    diagnostics.add(Diagnostic.error(keyword + " needs a source and a destination",
                            argumentsRange != null ? argumentsRange : keywordRange));
                }
            }
            case "ENV", "LABEL" -> {
                if (noArgs) {
                    diagnostics.add(Diagnostic.error(keyword + " needs at least one key=value", keywordRange));
                } else if (words.get(0).text().contains("=")) {
                    for (Word w : words) {
                        if (!w.text().contains("=")) {
                            diagnostics.add(Diagnostic.error("can't find = in \"" + w.text()
                                    + "\": must be of the form name=value", w.range()));
                        } else if (w.text().startsWith("=")) {
                            diagnostics.add(Diagnostic.error(keyword + " names can not be blank", w.range()));
                        }
                    }
                } else if (words.size() < 2) {
                    diagnostics.add(Diagnostic.error(keyword + " " + words.get(0).text() + " needs a value",
                            words.get(0).range()));
                }
            }
            case "ARG", "RUN", "WORKDIR", "USER", "EXPOSE", "VOLUME", "STOPSIGNAL", "SHELL", "MAINTAINER" -> {
                if (noArgs && markers.isEmpty()) {
                    diagnostics.add(Diagnostic.error(keyword + " needs an argument", keywordRange));
                }
            }
            default -> {
            }
        }
    }

    /** Records a token over logical {@code [from, to)}, split where line continuations cut it. */
    private void span(int from, int to, TokenKind kind) {
        if (to <= from) {
            return;
        }
        if (line.contiguous(from, to)) {
            tokens.add(new Token(kind, lines.range(line.sourceOf(from), line.sourceEnd(to))));
            return;
        }
        int runStart = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || line.sourceOf(i) != line.sourceOf(i - 1) + 1) {
                tokens.add(new Token(kind, lines.range(line.sourceOf(runStart), line.sourceEnd(i))));
                runStart = i;
            }
        }
    }

    private TextRange range(int from, int to) {
        if (line.length() == 0) {
            return lines.range(0, 0);
        }
        int s = from < line.length() ? line.sourceOf(from) : line.sourceEnd(line.length());
        int e = to > from ? line.sourceEnd(to) : s;
        return lines.range(s, e);
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isSpace(char c) {
        return WordScanner.isBlank(c);
    }
}
