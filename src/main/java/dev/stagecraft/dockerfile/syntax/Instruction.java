package dev.stagecraft.dockerfile.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One instruction: its keyword, flags and arguments, with continuation lines joined the way
 * BuildKit joins them. {@code arguments} is the text after the flags; {@code words} splits it
 * (quote-aware). In exec form {@code execArgs} holds the decoded JSON strings. {@code inner} is
 * the instruction an ONBUILD wraps. {@code tokens} are this instruction's meaningful tokens
 * (keywords, flags, names, strings...) in source order. Immutable.
 */
public record Instruction(String keyword, TextRange keywordRange, TextRange range, List<Flag> flags,
                          String arguments, TextRange argumentsRange, List<Word> words, boolean execForm,
                          List<String> execArgs, List<Heredoc> heredocs, Instruction inner,
                          List<Token> tokens) {

    /** Keywords BuildKit knows, upper-case. */
    public static final List<String> KEYWORDS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
            "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL",
            "USER", "VOLUME", "WORKDIR");

    /**
     * Where BuildKit tried to read the arguments as JSON (they start with {@code [}) and, the text
     * not being valid JSON, ran them in shell form instead: the span of that text, else null. BuildKit
     * says nothing about it; lint's STG017 does. (Valid JSON of non-strings is the parser's error.)
     */
    public TextRange jsonFallbackRange() {
        if (execForm || argumentsRange == null || !InstructionParser.JSON_ATTEMPT.contains(keyword)) {
            return null;
        }
        String candidate = arguments;
        TextRange first = argumentsRange;
        if (is("HEALTHCHECK")) {
            if (words.size() < 2 || !words.get(0).text().equalsIgnoreCase("CMD")) {
                return null;
            }
            int i = words.get(0).text().length();
            while (i < arguments.length() && InstructionParser.isSpace(arguments.charAt(i))) {
                i++;
            }
            candidate = arguments.substring(i);
            first = words.get(1).range();
        }
        if (candidate.isEmpty() || candidate.charAt(0) != '['
                || JsonArgs.parse(candidate).outcome() != JsonArgs.Outcome.NOT_JSON) {
            return null;
        }
        return new TextRange(first.start(), argumentsRange.end(), first.line(), first.column(),
                argumentsRange.endLine(), argumentsRange.endColumn());
    }

    /** Whether {@link #jsonFallbackRange} is there because the array is never closed (else: bad quotes or commas). */
    public boolean jsonFallbackUnterminated() {
        return !arguments.endsWith("]");
    }

    /** Whether BuildKit hands this instruction's shell-form words to a shell when the image runs or builds. */
    public boolean runsInShell() {
        return InstructionParser.SHELL_RUNTIME.contains(keyword);
    }

    public boolean is(String upperKeyword) {
        return keyword.equals(upperKeyword);
    }

    public boolean known() {
        return KEYWORDS.contains(keyword);
    }

    public int line() {
        return range.line();
    }

    public int endLine() {
        return range.endLine();
    }

    /** The last flag of that name (BuildKit keeps the last when one is repeated). */
    public Optional<Flag> flag(String name) {
        Flag found = null;
        for (Flag f : flags) {
            if (named(f, name)) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Flag> flags(String name) {
        if (flags.isEmpty()) {
            return List.of();
        }
        return flags.stream().filter(f -> named(f, name)).toList();
    }

    /** Whether the flag, lower-cased, is {@code lowerName} (its length first: no string made for most flags). */
    private static boolean named(Flag f, String lowerName) {
        return f.name().length() == lowerName.length() && f.name().toLowerCase(Locale.ROOT).equals(lowerName);
    }
}
