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
