package dev.stagecraft.cli;

import dev.stagecraft.dockerfile.DockerfileFile;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reads a Dockerfile argument, turning a bad file into one line on stderr and exit 2. */
final class InputFiles {
    static final int EXIT_BAD_INPUT = 2;

    private InputFiles() {
    }

    static String read(CommandLine.Model.CommandSpec spec, Path file) {
        try {
            return DockerfileFile.read(file);
        } catch (DockerfileFile.Unreadable e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
