package dev.stagecraft.ui.window;

import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.UiThread;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * File ▸ Export Graph: what the pane shows is taken on the FX thread (the PNG's snapshot, the SVG's
 * text, both quick), then encoded and written on {@link Background}, so a large graph's export
 * never freezes the window. The file is written beside the target and renamed over it, so a failed
 * export leaves an existing file as it was. Failures come back as one line ({@link #describe}).
 * Start on the FX thread; the returned future completes off it.
 */
final class GraphFileExport {
    /** The export formats, named by their file extension. */
    enum Format {
        PNG, SVG;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private GraphFileExport() {
    }

    /** Exports the shown graph of {@code pane} to {@code file}; completes with the file once it is written. */
    static CompletableFuture<Path> export(GraphPort pane, Path file, Format format) {
        UiThread.checkFxThread();
        if (format == Format.PNG) {
            Image picture = pane.picture();
            return Background.supply(() -> {
                // an Image that is no longer drawn to is only read here: safe off the FX thread
                BufferedImage pixels = SwingFXUtils.fromFXImage(picture, null);
                write(file, out -> {
                    if (!ImageIO.write(pixels, "png", out)) {
                        throw new IOException("this Java has no PNG writer");
                    }
                });
                return file;
            });
        }
        byte[] svg = pane.svgText().getBytes(StandardCharsets.UTF_8);
        return Background.supply(() -> {
            write(file, out -> out.write(svg));
            return file;
        });
    }

    private interface Writer {
        void to(OutputStream out) throws IOException;
    }

    /** Writes a temporary file in the target's folder, then renames it over the target. Blocking. */
    private static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.to(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One line for the user about a failed export of {@code file}. */
    static String describe(Path file, Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String where = file.toAbsolutePath().getParent() == null ? file.toString() : file.toAbsolutePath().getParent().toString();
        if (t instanceof AccessDeniedException) {
            return "Cannot write " + file.getFileName() + ": permission denied in " + where + ".";
        }
        if (t instanceof NoSuchFileException) {
            return "Cannot write " + file.getFileName() + ": the folder " + where + " does not exist.";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return "Cannot write " + file.getFileName() + ": " + f.getReason() + ".";
        }
        if (t instanceof IOException) {
            return "Cannot write " + file.getFileName() + ": " + (t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage()) + ".";
        }
        System.getLogger(GraphFileExport.class.getName()).log(System.Logger.Level.ERROR, "graph export failed", t);
        return "Cannot export the graph: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
