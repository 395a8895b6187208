package dev.stagecraft.dockerfile.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one quote-and-escape scanner behind word splitting, value highlighting and variable expansion. */
class WordScannerTest {
    private static final String[] NAMES = {"LITERAL", "BLANK", "ESCAPED", "OPEN", "CLOSE", "DOLLAR", "BRACE_END"};

    /** The steps over {@code text} as {@code KIND(text)}, with backslash as the escape. */
    private static List<String> steps(String text, char escape) {
        WordScanner sc = new WordScanner(escape).reset(text, 0, text.length());
        List<String> out = new ArrayList<>();
        for (int s = sc.next(); s != WordScanner.END; s = sc.next()) {
            out.add(NAMES[s] + "(" + text.substring(sc.start(), sc.position()) + ")");
        }
        return out;
    }

    @Test
    void blanksSeparateOnlyOutsideQuotes() {
        assertEquals(List.of("LITERAL(ab)", "BLANK( \t)", "OPEN(\")", "LITERAL(b c)", "CLOSE(\")",
                "BLANK(\t)", "OPEN(')", "LITERAL( )", "CLOSE(')"), steps("ab \t\"b c\"\t' '", '\\'));
    }

    @Test
    void singleQuotesAreLiteralDoubleQuotesExpandDollarsAndEscapeOnlyWhatTheShellDoes() {
        assertEquals(List.of("OPEN(')", "LITERAL($\\)", "CLOSE(')"), steps("'$\\'", '\\'));
        assertEquals(List.of("OPEN(\")", "DOLLAR($)", "ESCAPED(\\$)", "ESCAPED(\\\")", "ESCAPED(\\\\)",
                "LITERAL(\\x)", "CLOSE(\")"), steps("\"$\\$\\\"\\\\\\x\"", '\\'));
        assertEquals(List.of("ESCAPED(\\x)", "ESCAPED(\\')", "ESCAPED(\\ )", "DOLLAR($)"), steps("\\x\\'\\ $", '\\'));
    }

    @Test
    void theBacktickDirectiveEscapesAndTheBackslashIsThenPlain() {
        assertEquals(List.of("LITERAL(\\)", "OPEN(\")", "ESCAPED(`\")", "LITERAL(\\)", "CLOSE(\")", "ESCAPED(` )"),
                steps("\\\"`\"\\\"` ", '`'));
        assertEquals(List.of("LITERAL(C:\\a)"), steps("C:\\a", '`'));
    }

    @Test
    void anEscapeAtTheEndEscapesNothingAndAnOpenQuoteLeavesTheWordOpen() {
        WordScanner sc = new WordScanner('\\').reset("a\\", 0, 2);
        sc.next();
        assertEquals(WordScanner.ESCAPED, sc.next());
        assertTrue(sc.escapedNothing());
        assertEquals(WordScanner.END, sc.next());
        assertFalse(sc.open());
        sc.reset("\"ab", 0, 3);
        while (sc.next() != WordScanner.END) {
            assertEquals('"', sc.quote());
        }
        assertTrue(sc.open(), "unterminated");
    }

    @Test
    void aBraceWordNestsQuotesAndEndsAtItsUnquotedBrace() {
        String text = "${X:-\"a}b\"'}'c}d}";
        WordScanner sc = new WordScanner('\\').reset(text, 0, text.length());
        assertEquals(WordScanner.DOLLAR, sc.next());
        sc.openBrace();
        sc.skipTo(5);
        List<String> out = new ArrayList<>();
        for (int s = sc.next(); s != WordScanner.END; s = sc.next()) {
            out.add(NAMES[s] + "(" + text.substring(sc.start(), sc.position()) + ")");
        }
        assertEquals(List.of("OPEN(\")", "LITERAL(a}b)", "CLOSE(\")", "OPEN(')", "LITERAL(})", "CLOSE(')",
                "LITERAL(c)", "BRACE_END(})", "LITERAL(d})"), out);
        assertFalse(sc.open());
    }

    @Test
    void nestingAMillionDeepIsReadInOnePass() {
        String text = "\"${X:-".repeat(1_000_000);
        WordScanner sc = new WordScanner('\\').reset(text, 0, text.length());
        int steps = 0;
        for (int s = sc.next(); s != WordScanner.END; s = sc.next()) {
            steps++;
            if (s == WordScanner.DOLLAR) {
                sc.openBrace();
                sc.skipTo(sc.position() + 4);
            }
        }
        assertEquals(2_000_000, steps, "an opening quote and a $ per level");
        assertTrue(sc.open());
    }

    // ---- properties ------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> shellish() {
        return Arbitraries.strings().withChars("ab $${}'\"\\`:-# \t\n=").ofMaxLength(60);
    }

    @Provide
    Arbitrary<Character> escapes() {
        return Arbitraries.of('\\', '`');
    }

    /**
     * Any text, either escape, with or without brace words opened at each {@code $}: the scan ends,
     * each step takes at least one character, and the steps tile the range in order.
     */
    @Property(tries = 2000)
    void everyScanTerminatesAndItsStepsTileTheInputInOrder(@ForAll("shellish") String text,
                                                           @ForAll("escapes") char escape,
                                                           @ForAll boolean braces) {
        int from = Math.min(text.length(), 1);
        WordScanner sc = new WordScanner(escape).reset(text, from, text.length());
        int at = from;
        int steps = 0;
        for (int s = sc.next(); s != WordScanner.END; s = sc.next()) {
            assertEquals(at, sc.start(), "steps follow each other");
            assertTrue(sc.position() > sc.start(), "a step takes a character");
            assertTrue(++steps <= text.length(), "no more steps than characters");
            if (s == WordScanner.ESCAPED && !sc.escapedNothing()) {
                assertEquals(escape, text.charAt(sc.start()));
                assertEquals(text.charAt(sc.start() + 1), sc.value());
            }
            if (s == WordScanner.BLANK) {
                assertTrue(WordScanner.isBlank(sc.value()) && !sc.open(), "a blank splits only outside quotes");
            }
            at = sc.position();
            if (braces && s == WordScanner.DOLLAR && at < text.length() && text.charAt(at) == '{') {
                sc.openBrace();
                sc.skipTo(at + 1);
                at = sc.position();
            }
        }
        assertEquals(text.length(), at, "the steps cover the input");
    }

    /** Whatever the text, words split by the scanner and printed back together give the text. */
    @Property(tries = 1000)
    void wordsAndBlanksGiveTheLineBack(@ForAll("shellish") String text, @ForAll("escapes") char escape) {
        WordScanner sc = new WordScanner(escape).reset(text, 0, text.length());
        StringBuilder back = new StringBuilder();
        for (int s = sc.next(); s != WordScanner.END; s = sc.next()) {
            back.append(text, sc.start(), sc.position());
        }
        assertEquals(text, back.toString());
    }
}
