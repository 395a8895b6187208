package dev.stagecraft.dockerfile.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expander against what BuildKit makes of the same words. The cases marked "Docker 20.10"
 * were checked as LABEL values built by that engine's BuildKit (same lexer as FROM).
 */
class WordExpanderTest {
    private final WordExpander x = new WordExpander(Map.of("SET", "val", "EMPTY", ""), '\\');

    @Test
    void quotesAndEscapesInsideAModifierWordAsDocker2010() {
        assertEquals("x}y", x.expand("${UNSET:-\"x}y\"}"));
        assertEquals("a}b", x.expand("${UNSET:-a\\}b}"));
        assertEquals("q}q", x.expand("${SET:+'q}q'}"));
        assertEquals("inside", x.expand("\"${UNSET:-\"in\"side}\""));
        assertEquals("abc", x.expand("${UNSET:-a\"b\"'c'}"));
        assertEquals("a$b\"c\\d", x.expand("\"a\\$b\\\"c\\d\""));
    }

    @Test
    void namesAndSpecialParametersAsDocker2010() {
        assertEquals("x", x.expand("$?x"), "$? is a special parameter, unset");
        assertEquals("pre", x.expand("pre$SETpost"));
        assertEquals("prevalpost", x.expand("pre${SET}post"));
        assertEquals("e", x.expand("${EMPTY:-e}"));
        assertEquals("deep", x.expand("${UNSET:-${UNSET:-${UNSET:-deep}}}"));
    }

    @Test
    void modifiers() {
        assertEquals("", x.expand("${EMPTY-e}"));
        assertEquals("e", x.expand("${UNSET-e}"));
        assertEquals("a", x.expand("${SET+a}"));
        assertEquals("", x.expand("${EMPTY:+a}"));
        assertEquals("al", x.expand("${SET#v}"));
        assertEquals("va", x.expand("${SET%%l}"));
        assertEquals("val", x.expand("${SET:?must be set}"));
        assertEquals("$", x.expand("$"));
        assertEquals("a$", x.expand("a$"));
    }

    @Test
    void anUnclosedBraceStaysAsWritten() {
        assertEquals("img-${SET", x.expand("img-${SET"));
        assertEquals("img-${UNSET:-${SET", x.expand("img-${UNSET:-${SET"));
        assertEquals("img-${SET", x.expand("\"\"\"img-${SET"), "inside quotes too");
    }

    @Test
    void theBudgetStopsRunawayOutputAndIsShared() {
        String big = "y".repeat(1 << 20);
        WordExpander e = new WordExpander(Map.of("BIG", big), '\\');
        assertEquals(big + big, e.expand("$BIG$BIG"));
        assertFalse(e.exhausted());
        WordExpander other = e.withLookup(name -> big);
        String many = "$BIG".repeat(20);
        assertEquals(many, other.expand(many), "past the budget a word is left as written");
        assertTrue(e.exhausted(), "the budget is one for both");
        assertEquals("plain", e.expand("plain"));
    }
}
