package dev.stagecraft.engine.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Docker CLI's .dockerignore semantics, case by case (moby/patternmatcher). */
class DockerIgnoreTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # a comment line|#secret.txt|false
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
            """)
    void laterRulesWinAndBangReincludes(String rules, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(rules.replace("\\n", "\n")).excludes(path));
    }
}
