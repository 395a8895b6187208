package dev.stagecraft.ui.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Exports a graph pane to a file the way the window does: the picture (or the SVG text) is taken
 * on the FX thread, the file is written on the test's thread.
 */
final class GraphExports {
    private GraphExports() {
    }

    static Path png(FxRobot robot, GraphView view, Path file) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(view.image()));
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    static Path svg(FxRobot robot, GraphView view, Path file) throws IOException {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(view.svgText()));
        return Files.writeString(file, text.get(), StandardCharsets.UTF_8);
    }
}
