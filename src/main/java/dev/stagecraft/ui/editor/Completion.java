package dev.stagecraft.ui.editor;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Ctrl+Space offers at a caret: instruction keywords at the start of a line, and the names
 * of earlier stages after {@code --from=}, as the base in {@code FROM}, and after {@code from=}
 * in a {@code --mount}. {@code replaceStart} is where the typed prefix begins; a chosen
 * candidate replaces {@code [replaceStart, caret)}. Pure; any thread.
 */
public record Completion(int replaceStart, String prefix, List<String> candidates) {

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    public static Completion at(String text, int caret, StageGraph graph) {
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        String line = text.substring(lineStart, caret);
        int wordStart = caret;
        while (wordStart > lineStart && isWordChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = text.substring(wordStart, caret);
        String before = text.substring(lineStart, wordStart);
        if (before.isBlank() && !continuesPreviousLine(text, lineStart)) {
            return new Completion(wordStart, prefix, matching(keywords(), prefix, true));
        }
        String beforeLower = before.toLowerCase(Locale.ROOT);
        if (isFromBase(line, before)) {
            // the stage this FROM starts may not parse yet: earlier means "starts on an earlier line"
            List<String> names = stageNames(graph, s -> s.range().start() < lineStart);
            return new Completion(wordStart, prefix, matching(names, prefix, false));
        }
        if (beforeLower.endsWith("--from=") || (beforeLower.endsWith("from=") && beforeLower.contains("--mount"))) {
            int current = graph.stageAt(caret).map(Stage::index).orElse(graph.stages().size());
            List<String> names = stageNames(graph, s -> s.index() < current);
            return new Completion(wordStart, prefix, matching(names, prefix, false));
        }
        return new Completion(caret, "", List.of());
    }

    /** {@code FROM [--flags] <here>}: the word right after the keyword and its flags. */
    private static boolean isFromBase(String line, String before) {
        String[] words = before.trim().split("\\s+");
        if (!words[0].equalsIgnoreCase("FROM") || !(before.endsWith(" ") || before.endsWith("\t"))) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            if (!words[i].startsWith("--")) {
                return false;
            }
        }
        return line.length() >= before.length();
    }

    private static boolean continuesPreviousLine(String text, int lineStart) {
        int end = lineStart - 1;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end > 0 && (text.charAt(end - 1) == '\\' || text.charAt(end - 1) == '`');
    }

    private static List<String> keywords() {
        return Instruction.KEYWORDS;
    }

    private static List<String> stageNames(StageGraph graph, java.util.function.Predicate<Stage> earlier) {
        List<String> names = new ArrayList<>();
        for (Stage s : graph.stages()) {
            if (earlier.test(s) && s.name() != null && !names.contains(s.name())) {
                names.add(s.name());
            }
        }
        return names;
    }

    private static List<String> matching(List<String> all, String prefix, boolean ignoreCase) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return all.stream().filter(c -> ignoreCase ? c.toLowerCase(Locale.ROOT).startsWith(p) : c.startsWith(prefix))
                .toList();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
