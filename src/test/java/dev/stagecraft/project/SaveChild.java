package dev.stagecraft.project;

import java.nio.file.Path;

/** A child JVM that reads a Dockerfile and saves new text into it: exit 0, or 3 and the message on stdout. */
public final class SaveChild {
    private SaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try {
            DockerfileText.read(file).write(file, args[1]);
        } catch (TextFileException e) {
            System.out.print(e.getMessage());
            System.exit(3);
        }
    }
}
