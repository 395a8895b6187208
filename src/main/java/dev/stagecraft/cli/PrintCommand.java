package dev.stagecraft.cli;

import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagecraft print FILE}: parses FILE and prints the tree, which gives back FILE byte for byte. */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Parse FILE and print the syntax tree back: the output equals FILE byte for byte.")
final class PrintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile.")
    Path file;

    @Override
    public Integer call() throws IOException {
        String text = InputFiles.read(spec, file);
        PrintStream out = System.out;
        out.write(DockerfileParser.parse(text).print().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
