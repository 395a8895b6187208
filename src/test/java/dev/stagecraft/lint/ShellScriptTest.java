package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptTest {
    private static List<String> names(String script) {
        return ShellScript.parse(script).commands().stream().map(ShellScript.Command::name).toList();
    }

    @Test
    void splitsOnOperatorsAndNewlines() {
        assertEquals(List.of("apt-get", "apt-get", "rm", "echo", "true"),
                names("apt-get update && apt-get install -y curl; rm -rf /x || echo no\ntrue"));
    }

    @Test
    void pipesAreSeenButOrIsNot() {
        assertTrue(ShellScript.parse("curl -s x | tar xz").hasPipes());
        assertFalse(ShellScript.parse("a || b").hasPipes());
        assertFalse(ShellScript.parse("echo 'a | b' \"c | d\" e\\|f").hasPipes());
    }

    @Test
    void quotesGroupAndAreRemoved() {
        ShellScript.Command c = ShellScript.parse("echo \"a b\" 'c d' e\\ f \"x\\\"y\"").commands().get(0);
        assertEquals(List.of("a b", "c d", "e f", "x\"y"), c.argTexts());
    }

    @Test
    void quotedOperatorsDoNotSplit() {
        assertEquals(List.of("sh"), names("sh 'a && b'").subList(0, 1));
        assertEquals(List.of("echo"), names("echo 'apt-get install x; y'"));
    }

    @Test
    void assignmentsAndReservedWordsAreNotCommands() {
        assertEquals(List.of("make", "true", "apt-get", "echo"),
                names("CC=gcc CFLAGS=-O2 make; if true; then apt-get install -y x; fi; ! echo hi"));
        assertEquals(List.of("apt-get"), names("for p in a b; do apt-get install -y $p; done"));
    }

    @Test
    void commandSubstitutionsAndSubshellsAreRead() {
        assertEquals(List.of("git", "echo", "cd", "make"),
                names("echo \"$(git describe)\"; (cd /src && make)"));
        assertEquals(List.of("uname", "echo"), names("echo `uname -m`"));
        assertEquals(List.of("echo"), names("echo $((1 + 2))"));
    }

    @Test
    void shDashCScriptsAreRead() {
        assertEquals(List.of("sh", "apt-get", "rm"), names("sh -c 'apt-get install -y x && rm -rf /tmp/*'"));
        assertEquals(List.of("bash", "apt-get"), names("bash -euxc \"apt-get install -y x\""));
        ShellScript.Command inner = ShellScript.parse("sh -c 'apt-get install x'").commands().get(1);
        assertTrue(inner.nested());
        assertEquals(-1, inner.args().get(0).start());
    }

    @Test
    void commentsRedirectionsAndHeredocsAreDropped() {
        assertEquals(List.of("echo", "cat", "ls"),
                names("echo hi > /tmp/x 2>&1 # rm -rf /\ncat <<EOF\napt-get install foo\nEOF\nls"));
        assertEquals(List.of("a"), ShellScript.parse("a 2>/dev/null").commands().get(0).argTexts().isEmpty()
                ? List.of("a") : List.of("wrong"));
    }

    @Test
    void lineContinuationsJoinWords() {
        assertEquals(List.of("apt-get", "install", "-y", "curl"),
                ShellScript.parse("apt-get \\\n install \\\n -y curl").commands().stream()
                        .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.name()),
                                c.argTexts().stream())).toList());
    }

    @Test
    void flagsAreReadAsHadolintReadsThem() {
        ShellScript.Command c = ShellScript.parse("apt-get -qy --no-install-recommends=1 install -t bookworm x")
                .commands().get(0);
        assertTrue(c.hasFlag("q"));
        assertTrue(c.hasFlag("y"));
        assertTrue(c.hasFlag("no-install-recommends"));
        assertEquals(List.of("install", "x"), c.argsNoFlags(java.util.Set.of("t")));
    }

    @Test
    void argumentOffsetsPointIntoTheScript() {
        String s = "apt-get update && apt-get install curl";
        ShellScript.Arg install = ShellScript.parse(s).commands().get(1).arg("install");
        assertEquals("install", s.substring(install.start(), install.end()));
    }

    @Test
    void neverThrowsOnBrokenInput() {
        for (String s : List.of("'", "\"", "$(", "`", "${", "a <<", "((", "))", "\\", "a |", "| b", "&&", ";;", "<<-",
                "echo \"$(a 'b\"", "2>", ">&")) {
            ShellScript.parse(s);
        }
    }
}
