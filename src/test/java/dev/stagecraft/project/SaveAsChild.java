package dev.stagecraft.project;

import java.nio.file.Path;

/** A child JVM that saves a new document as the given file: exit 0, or 3 and the message on stdout. */
public final class SaveAsChild {
    private SaveAsChild() {
    }

    public static void main(String[] args) throws Exception {
        try {
            DockerfileText.fresh("").overwrite(Path.of(args[0]), args[1]);
        } catch (TextFileException e) {
            System.out.print(e.getMessage());
            System.exit(3);
        }
    }
}
