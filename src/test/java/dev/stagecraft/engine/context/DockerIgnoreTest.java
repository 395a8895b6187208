package dev.stagecraft.engine.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Docker CLI's .dockerignore semantics, case by case (moby/patternmatcher). */
class DockerIgnoreTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            secret.txt|secret.txt|true
            secret.txt|sub/secret.txt|false
            *.txt|notes.txt|true
            *.txt|sub/notes.txt|false
            */*.txt|sub/notes.txt|true
            **/*.txt|sub/deep/notes.txt|true
            **/*.txt|notes.txt|true
            **|anything/at/all|true
            sub/**|sub/a/b|true
            sub/**|subway|false
            a/**/b|a/b|true
            a/**/b|a/x/y/b|true
            a/**/b|a/x/y/c|false
            file?.go|file1.go|true
            file?.go|file10.go|false
            file?.go|file/.go|false
            [ab].txt|a.txt|true
            [ab].txt|c.txt|false
            [a-c]x|bx|true
            [^a]x|ax|false
            [^a]x|bx|true
            node_modules|node_modules/pkg/index.js|true
            node_modules|app/node_modules|false
            /build|build/out|true
            ./build/|build/out|true
            build/../dist|dist/x|true
            a.b|aXb|false
            a+b|a+b|true
            (x)|(x)|true
            \\*.txt|*.txt|true
            \\*.txt|a.txt|false
            *|sub/anything|true
            **.txt|a/b/c.txt|true
            **.txt|c.txt|true
            **.txt|c.txt.bak|false
            **/foo|foo|true
            **/foo|x/y/foo|true
            **/foo|x/yfoo|false
            **/foo|foo/bar|true
            **foo|xfoo|true
            sub**|subway|true
            sub**|sub/a|true
            a/**|a|false
            a/**|a/b|true
            a/**/*.go|a/x.go|true
            a/**/*.go|a/b/c/x.go|true
            a/**/*.go|b/a/x.go|false
            **/node_modules/**|web/node_modules/x/y.js|true
            **/node_modules/**|node_modules/x.js|true
            a*b|a/b|false
            a*b|axxb|true
            a?b|a/b|false
            *.md|.md|true
            .*|.git/config|true
            .*|a/.hidden|false
            */.*|a/.hidden|true
            *~|notes.txt~|true
            dir/|dir/file|true
            a//b|a/b|true
            a/./b|a/b|true
            ../outside|../outside|true
            /|anything|false
              padded.txt  |padded.txt|true
            a.b|a.b|true
            *.b|a.b|true
            *.b|aXb|false
            a+*|a+b|true
            a+*|aab|false
            $x*|$xy|true
            {a,b}*|{a,b}c|true
            {a,b}*|ac|false
            [0-9]*.log|3.log|true
            [0-9]*.log|x.log|false
            [!a]*|b|false
            [!a]*|!x|true
            [a&&b]x|&x|true
            \\?x|?x|true
            \\?x|ax|false
            """)
    void matchesLikeTheDockerCli(String rules, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(rules.replace("\\n", "\n")).excludes(path));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.md\\n!README.md|README.md|false
            *.md\\n!README.md|CHANGES.md|true
            *.md\\n!README.md\\nREADME.md|README.md|true
            docs\\n!docs/keep.txt|docs/keep.txt|false
            docs\\n!docs/keep.txt|docs/drop.txt|true
            **\\n!src|src/main.c|false
            **\\n!src|other.c|true
            !important\\n*|important|true
            *.log\\n! keep.log|keep.log|false
            *\\n!*.go\\nmain.go|main.go|true
            *\\n!*.go\\nmain.go|util.go|false
            a\\n!a/b\\na/b/c|a/b/c/d|true
            a\\n!a/b\\na/b/c|a/b/x|false
            a\\n!a/b\\na/b/c|a/x|true
            !/keep\\n*|keep|true
            *\\n!/keep|keep|false
            *\\n!./keep/|keep/x|false
            # comment\\n\\n  \\nbuild|build/out|true
            """)
    void laterRulesWinAndBangReincludes(String rules, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(rules.replace("\\n", "\n")).excludes(path));
    }

    @ParameterizedTest(name = "{0} walks {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            logs\\n!logs/keep.log|logs|true
            logs\\n!**/keep.log|logs|false
            logs\\n!logs|logs|true
            a\\n!a/b/c|a|true
            a\\n!a/b/c|a/b|true
            a\\n!a/b/c|a/x|false
            logs|logs|false
            logsx\\n!logsx/y|logs|false
            """)
    void anExcludedDirectoryIsWalkedOnlyWhenARuleReincludesBelowIt(String rules, String dir, boolean walked) {
        assertEquals(walked, DockerIgnore.parse(rules.replace("\\n", "\n")).walksExcludedDirectory(dir));
    }

    @Test
    void readsTheFileAsTheCliDoes() {
        DockerIgnore bom = DockerIgnore.parse("\uFEFFsecret\r\n# c\r\n!secret/ok\r\n");
        assertTrue(bom.excludes("secret/x"));
        assertFalse(bom.excludes("secret/ok"));
        assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("!\n"));
        // only a "#" in the first column starts a comment
        assertFalse(DockerIgnore.parse("#secret.txt\n").excludes("secret.txt"));
        assertFalse(DockerIgnore.parse("#secret.txt\n").excludes("#secret.txt"));
        assertTrue(DockerIgnore.parse(" #secret.txt\n").excludes("#secret.txt"));
        assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("[a-\n"));
    }
}
