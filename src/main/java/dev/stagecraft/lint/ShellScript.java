package dev.stagecraft.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The simple commands of a POSIX shell script as a linter needs them, the way hadolint asks
 * ShellCheck for them: each command's name and its arguments with quotes removed. It splits on
 * {@code &&}, {@code ||}, {@code ;}, {@code &}, {@code |} and newlines; honours single and
 * double quotes, the backslash and line continuations; drops comments, redirections (and
 * here-documents), leading {@code NAME=value} assignments and reserved words ({@code if},
 * {@code then}, {@code do}, {@code !}, braces...); and reads the commands inside {@code $(…)},
 * backticks, subshells and the script of {@code sh -c '…'} too. It is not a full shell parser:
 * no expansion happens, {@code case} patterns are not understood. Immutable; thread-safe.
 */
public final class ShellScript {
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "!", "{", "}", "time", "esac");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");

    /** One argument: its text with quotes removed; {@code start}/{@code end} in the script, -1 if nested. */
    public record Arg(String text, int start, int end) {
    }

    /**
     * A simple command: its name and arguments (flags included, as written). {@code nested} is
     * true for commands read from inside an {@code sh -c} string, whose offsets are unknown.
     */
    public record Command(String name, List<Arg> args, int start, int end, boolean nested) {
        public List<String> argTexts() {
            return args.stream().map(Arg::text).toList();
        }

        /** hadolint's cmdHasArgs: this is {@code name} and any argument is one of {@code any}. */
        public boolean is(String expectedName, String... any) {
            if (!name.equals(expectedName)) {
                return false;
            }
            if (any.length == 0) {
                return true;
            }
            for (Arg a : args) {
                for (String s : any) {
                    if (a.text().equals(s)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** hadolint's flag names: {@code --x=y} gives x, {@code -abc} gives a, b and c. */
        public boolean hasFlag(String... names) {
            for (Arg a : args) {
                for (String f : flagNames(a.text())) {
                    for (String n : names) {
                        if (f.equals(n)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        public boolean hasArg(String text) {
            return args.stream().anyMatch(a -> a.text().equals(text));
        }

        /** The first argument equal to {@code text}, if any. */
        public Arg arg(String text) {
            return args.stream().filter(a -> a.text().equals(text)).findFirst().orElse(null);
        }

        /**
         * hadolint's getArgsNoFlags after dropFlagArg: the arguments that are not flags, leaving
         * out the argument after each flag named in {@code valueFlags} (e.g. {@code -t release}).
         */
        public List<String> argsNoFlags(Set<String> valueFlags) {
            List<String> out = new ArrayList<>();
            boolean skipNext = false;
            for (Arg a : args) {
                List<String> f = flagNames(a.text());
                if (skipNext) {
                    skipNext = false;
                    if (f.isEmpty()) {
                        continue;
                    }
                }
                if (f.isEmpty()) {
                    if (!a.text().equals("-") && !a.text().equals("--")) {
                        out.add(a.text());
                    }
                } else if (f.stream().anyMatch(valueFlags::contains)) {
                    skipNext = true;
                }
            }
            return out;
        }
    }

    static List<String> flagNames(String arg) {
        if (arg.equals("-") || arg.equals("--") || !arg.startsWith("-")) {
            return List.of();
        }
        if (arg.startsWith("--")) {
            int eq = arg.indexOf('=');
            return List.of(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
        }
        List<String> out = new ArrayList<>(arg.length() - 1);
        for (int i = 1; i < arg.length(); i++) {
            out.add(String.valueOf(arg.charAt(i)));
        }
        return out;
    }

    private final String text;
    private final List<Command> commands;
    private final boolean pipes;

    private ShellScript(String text, List<Command> commands, boolean pipes) {
        this.text = text;
        this.commands = List.copyOf(commands);
        this.pipes = pipes;
    }

    public static ShellScript parse(String script) {
        Reader r = new Reader(script, false, 0);
        r.run();
        return new ShellScript(script, r.commands, r.pipes);
    }

    /** Commands of several scripts read as one (a RUN line and its here-document body). */
    static ShellScript concat(String text, List<ShellScript> parts) {
        List<Command> all = new ArrayList<>();
        boolean pipes = false;
        for (ShellScript p : parts) {
            all.addAll(p.commands);
            pipes |= p.pipes;
        }
        return new ShellScript(text, all, pipes);
    }

    /** The commands in the order they are written (inner commands of a substitution first). */
    public List<Command> commands() {
        return commands;
    }

    /** Whether a pipe ({@code |}, not {@code ||}) joins two commands anywhere in the script. */
    public boolean hasPipes() {
        return pipes;
    }

    public String text() {
        return text;
    }

    public boolean any(java.util.function.Predicate<Command> test) {
        for (Command c : commands) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }

    public boolean uses(String program) {
        return any(c -> c.name().equals(program));
    }

    /** One pass over a script; nested scripts get their own reader. */
    private static final class Reader {
        /** Substitutions nested deeper than this are kept as words, not read: deep input must not overflow the stack. */
        private static final int MAX_DEPTH = 16;

        private final String s;
        private final boolean nested;
        private final int base;
        private int depth;
        private final List<Command> commands = new ArrayList<>();
        private boolean pipes;
        private int i;
        private final List<Arg> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private int wordStart = -1;
        private boolean wordQuoted;
        private boolean skipNextWord; // the target of a redirection
        private final List<String> pendingHeredocs = new ArrayList<>();

        Reader(String s, boolean nested, int base) {
            this.s = s;
            this.nested = nested;
            this.base = base;
        }

        void run() {
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    endWord();
                    i++;
                } else if (c == '\n') {
                    endWord();
                    endCommand();
                    i++;
                    skipHeredocBodies();
                } else if (c == '#' && wordStart < 0) {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '\'') {
                    startWord();
                    wordQuoted = true;
                    int close = s.indexOf('\'', i + 1);
                    int end = close < 0 ? n : close;
                    word.append(s, i + 1, end);
                    i = close < 0 ? n : close + 1;
                } else if (c == '"') {
                    startWord();
                    wordQuoted = true;
                    doubleQuoted();
                } else if (c == '\\') {
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i += 2; // line continuation
                    } else {
                        startWord();
                        if (i + 1 < n) {
                            word.append(s.charAt(i + 1));
                        }
                        i += 2;
                    }
                } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                    startWord();
                    int open = i;
                    int close = matching(i + 1, '(', ')');
                    boolean arithmetic = i + 2 < n && s.charAt(i + 2) == '(';
                    if (!arithmetic) {
                        sub(i + 2, close);
                    }
                    word.append(s, open, Math.min(n, close + 1));
                    i = Math.min(n, close + 1);
                } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                    startWord();
                    int close = matching(i + 1, '{', '}');
                    word.append(s, i, Math.min(n, close + 1));
                    i = Math.min(n, close + 1);
                } else if (c == '`') {
                    startWord();
                    int close = i + 1;
                    while (close < n && s.charAt(close) != '`') {
                        close += s.charAt(close) == '\\' ? 2 : 1;
                    }
                    close = Math.min(close, n);
                    sub(i + 1, close);
                    word.append(s, i, Math.min(n, close + 1));
                    i = Math.min(n, close + 1);
                } else if (c == '&' || c == '|' || c == ';') {
                    endWord();
                    boolean twice = i + 1 < n && s.charAt(i + 1) == c;
                    if (c == '|' && !twice) {
                        pipes = true;
                    }
                    if (c == '&' && i + 1 < n && s.charAt(i + 1) == '>') {
                        i += 2; // &> file
                        redirect();
                        continue;
                    }
                    endCommand();
                    i += twice ? 2 : (c == '|' && i + 1 < n && s.charAt(i + 1) == '&' ? 2 : 1);
                } else if (c == '(' || c == ')') {
                    endWord();
                    endCommand();
                    i++;
                } else if (c == '<' || c == '>') {
                    if (wordStart >= 0 && !wordQuoted && word.toString().chars().allMatch(Character::isDigit)) {
                        dropWord(); // 2>&1: the fd belongs to the redirection
                    } else {
                        endWord();
                    }
                    if (c == '<' && s.startsWith("<<", i) && !s.startsWith("<<<", i)) {
                        i += 2;
                        if (i < n && s.charAt(i) == '-') {
                            i++;
                        }
                        heredoc();
                        continue;
                    }
                    i++;
                    while (i < n && (s.charAt(i) == '>' || s.charAt(i) == '<' || s.charAt(i) == '&'
                            || s.charAt(i) == '|')) {
                        i++;
                    }
                    redirect();
                } else {
                    startWord();
                    int j = i + 1;
                    while (j < n && !special(s.charAt(j))) {
                        j++;
                    }
                    word.append(s, i, j); // a run of ordinary characters at once
                    i = j;
                }
            }
            endWord();
            endCommand();
        }

        private static boolean special(char c) {
            switch (c) {
                case ' ', '\t', '\r', '\n', '#', '\'', '"', '\\', '$', '`', '&', '|', ';', '(', ')', '<', '>':
                    return true;
                default:
                    return false;
            }
        }

        private void redirect() {
            // the next word is the redirection's target, unless it was an fd duplication (>&2)
            if (i > 0 && s.charAt(i - 1) == '&') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                    j++;
                }
                if (j > i) {
                    i = j;
                    return;
                }
            }
            skipNextWord = true;
        }

        private void heredoc() {
            int n = s.length();
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder delim = new StringBuilder();
            while (i < n && " \t\n;&|<>()".indexOf(s.charAt(i)) < 0) {
                char c = s.charAt(i);
                if (c != '\'' && c != '"' && c != '\\') {
                    delim.append(c);
                }
                i++;
            }
            if (delim.length() > 0) {
                pendingHeredocs.add(delim.toString());
            }
        }

        private void skipHeredocBodies() {
            int n = s.length();
            while (!pendingHeredocs.isEmpty()) {
                String delim = pendingHeredocs.remove(0);
                while (i < n) {
                    int eol = s.indexOf('\n', i);
                    int end = eol < 0 ? n : eol;
                    String line = s.substring(i, end).strip();
                    i = eol < 0 ? n : eol + 1;
                    if (line.equals(delim)) {
                        break;
                    }
                }
            }
        }

        private void doubleQuoted() {
            int n = s.length();
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return;
                }
                if (c == '\\' && i + 1 < n) {
                    char next = s.charAt(i + 1);
                    if (next == '\n') {
                        i += 2;
                        continue;
                    }
                    if ("\"$`\\".indexOf(next) >= 0) {
                        word.append(next);
                    } else {
                        word.append(c).append(next);
                    }
                    i += 2;
                } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                    int close = matching(i + 1, '(', ')');
                    if (!(i + 2 < n && s.charAt(i + 2) == '(')) {
                        sub(i + 2, close);
                    }
                    word.append(s, i, Math.min(n, close + 1));
                    i = Math.min(n, close + 1);
                } else if (c == '`') {
                    int close = i + 1;
                    while (close < n && s.charAt(close) != '`') {
                        close += s.charAt(close) == '\\' ? 2 : 1;
                    }
                    close = Math.min(close, n);
                    sub(i + 1, close);
                    word.append(s, i, Math.min(n, close + 1));
                    i = Math.min(n, close + 1);
                } else {
                    word.append(c);
                    i++;
                }
            }
        }

        /** Index of the bracket closing the one at {@code open}, minding quotes; the end if none. */
        private int matching(int open, char o, char c) {
            int depth = 0;
            int n = s.length();
            char quote = 0;
            for (int k = open; k < n; k++) {
                char ch = s.charAt(k);
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0;
                    } else if (ch == '\\' && quote == '"') {
                        k++;
                    }
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '\\') {
                    k++;
                } else if (ch == o) {
                    depth++;
                } else if (ch == c && --depth == 0) {
                    return k;
                }
            }
            return n;
        }

        private void sub(int from, int to) {
            if (to <= from || depth >= MAX_DEPTH) {
                return;
            }
            Reader r = new Reader(s.substring(from, Math.min(to, s.length())), nested, base + from);
            r.depth = depth + 1;
            r.run();
            commands.addAll(r.commands);
            pipes |= r.pipes;
        }

        private void startWord() {
            if (wordStart < 0) {
                wordStart = i;
                wordQuoted = false;
            }
        }

        private void dropWord() {
            word.setLength(0);
            wordStart = -1;
        }

        private void endWord() {
            if (wordStart < 0) {
                return;
            }
            if (skipNextWord) {
                skipNextWord = false;
            } else {
                words.add(new Arg(word.toString(), nested ? -1 : base + wordStart, nested ? -1 : base + i));
            }
            dropWord();
        }

        private void endCommand() {
            skipNextWord = false;
            int k = 0;
            while (k < words.size()) {
                String w = words.get(k).text();
                if (RESERVED.contains(w) || isAssignment(w)) {
                    k++;
                } else {
                    break;
                }
            }
            if (k < words.size()) {
                String name = words.get(k).text();
                if (!name.equals("for") && !name.equals("select") && !name.equals("case") && !name.equals("in")) {
                    Arg first = words.get(k);
                    Arg last = words.get(words.size() - 1);
                    List<Arg> args = List.copyOf(words.subList(k + 1, words.size()));
                    commands.add(new Command(name, args, first.start(), last.end(), nested));
                    shellDashC(name, args);
                }
            }
            words.clear();
        }

        /** {@code sh -c 'script'}: the script's commands count too. */
        private void shellDashC(String name, List<Arg> args) {
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (!SHELLS.contains(base)) {
                return;
            }
            for (int k = 0; k < args.size(); k++) {
                String a = args.get(k).text();
                if (a.startsWith("-") && !a.startsWith("--") && a.indexOf('c') > 0) {
                    for (int j = k + 1; j < args.size(); j++) {
                        String script = args.get(j).text();
                        if (!script.startsWith("-")) {
                            if (depth >= MAX_DEPTH) {
                                return;
                            }
                            Reader r = new Reader(script, true, -1);
                            r.depth = depth + 1;
                            r.run();
                            commands.addAll(r.commands);
                            pipes |= r.pipes;
                            return;
                        }
                    }
                    return;
                }
            }
        }

        private static boolean isAssignment(String w) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            for (int k = 0; k < eq; k++) {
                char ch = w.charAt(k);
                if (!(Character.isLetter(ch) || ch == '_' || (k > 0 && Character.isDigit(ch)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
