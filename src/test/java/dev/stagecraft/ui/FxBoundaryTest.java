package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The threading and layering rules of ARCHITECTURE.md, checked on the sources: JavaFX only in
 * {@code ui} and {@code app}; {@code Platform.runLater} only in {@link UiThread}.
 */
class FxBoundaryTest {
    private static final Path ROOT = Paths.get("src/main/java/dev/stagecraft");

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void javafxIsImportedOnlyInUiAndApp() throws IOException {
        List<String> offenders = sources(ROOT).stream()
                .filter(p -> !p.startsWith(ROOT.resolve("ui")) && !p.startsWith(ROOT.resolve("app")))
                .filter(p -> read(p).contains("import javafx."))
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void runLaterOnlyInTheUiThreadAdapter() throws IOException {
        List<String> offenders = sources(ROOT.resolve("ui")).stream()
                .filter(p -> !p.getFileName().toString().equals("UiThread.java"))
                .filter(p -> read(p).contains("runLater"))
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
