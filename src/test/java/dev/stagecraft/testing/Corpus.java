package dev.stagecraft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus of real multi-stage Dockerfiles (../shared/corpus) used as test data. */
public final class Corpus {
    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("stagecraft.corpus");
        Path p = configured != null ? Paths.get(configured) : Paths.get("..", "shared", "corpus");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("corpus not found at " + p.toAbsolutePath()
                    + " (set -Dstagecraft.corpus)");
        }
        return p;
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(dir())) {
            List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
            if (files.size() < 50) {
                throw new IllegalStateException("expected 50 corpus files, found " + files.size());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String prefix) {
        return files().stream().filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus file " + prefix));
    }

    public static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path expected(Path file) {
        String name = file.getFileName().toString().replace(".Dockerfile", ".json");
        return dir().resolve("expected").resolve(name);
    }
}
