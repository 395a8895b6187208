package dev.stagecraft.lint;

/** Small text helpers the checks share. Stateless. */
final class Text {
    private Text() {
    }

    /** hadolint's dropQuotes: strips double and single quotes from both ends. */
    static String dropQuotes(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == '"' || s.charAt(a) == '\'')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == '"' || s.charAt(b - 1) == '\'')) {
            b--;
        }
        return s.substring(a, b);
    }

    static boolean allLower(String s) {
        return s.equals(s.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean allUpper(String s) {
        return s.equals(s.toUpperCase(java.util.Locale.ROOT));
    }

    /** Levenshtein distance, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The leading blanks of the line that contains {@code offset}. */
    static String indentAt(String src, int offset) {
        int start = src.lastIndexOf('\n', offset - 1) + 1;
        int i = start;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        return src.substring(start, i);
    }

    /** The line break the file uses (CRLF if its first line ends so). */
    static String newline(String src) {
        int nl = src.indexOf('\n');
        return nl > 0 && src.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}
