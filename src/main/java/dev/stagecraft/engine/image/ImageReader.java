package dev.stagecraft.engine.image;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.Images;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Reads an image's layers, file by file, from the engine: inspects it (so a wrong name fails
 * fast with {@link ImageNotFoundException}), then streams its export through
 * {@link ExportReader}. Blocking: call it off the FX thread; cancel through the
 * {@link ReadControl}. Thread-safe (each read has its own connection).
 */
public final class ImageReader {
    /** The least any read of the export may wait, however small the image. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Docker 20.10 copies the whole image to a temporary folder before sending a byte: allow 20 MB/s for that. */
    static final long STAGING_BYTES_PER_SECOND = 20_000_000;

    private final Engine engine;
    private final Duration minReadTimeout;

    public ImageReader(Engine engine) {
        this(engine, DEFAULT_READ_TIMEOUT);
    }

    public ImageReader(Engine engine, Duration minReadTimeout) {
        this.engine = engine;
        this.minReadTimeout = minReadTimeout;
    }

    /**
     * Reads IMAGE (a name, tag or id).
     *
     * @throws ImageNotFoundException when the engine has no such image
     * @throws IOException            when the engine fails, stops answering or sends something
     *                                that is not an image export (one-line message)
     * @throws java.util.concurrent.CancellationException when the control was cancelled
     */
    public ImageContent read(String image, ReadControl control) throws IOException {
        InspectImageResponse inspected = inspect(image);
        control.check();
        long size = inspected.getSize() == null ? 0 : inspected.getSize();
        Duration timeout = readTimeout(size);
        InputStream export = ImageExport.open(engine.endpoint(), inspected.getId(), timeout);
        control.attach(export);
        try (export) {
            ImageContent read = new ExportReader(control).read(export, image);
            List<String> tags = inspected.getRepoTags() == null ? read.tags() : inspected.getRepoTags();
            read = new ImageContent(read.id(), tags, read.layout(), read.layers(), read.history(), read.historyLayers());
            // the engine's own measure of each layer: BuildKit's layers and pulled ones count differently
            return read.withEngineHistory(new Images(engine).history(inspected.getId()));
        } catch (IOException e) {
            control.check(); // closed by a cancel: say so rather than "stream closed"
            throw e;
        }
    }

    /** The size {@code docker image inspect} reports, or {@link ImageNotFoundException}. */
    public InspectImageResponse inspect(String image) throws IOException {
        try {
            return engine.docker().inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(image);
        } catch (RuntimeException e) {
            throw new IOException("can't inspect image " + image + ": " + Engine.reason(e), e);
        }
    }

    /** How long one read may wait: at least the minimum, more for images the engine stages first. */
    Duration readTimeout(long imageSize) {
        Duration staging = Duration.ofSeconds(imageSize / STAGING_BYTES_PER_SECOND);
        return staging.compareTo(minReadTimeout) > 0 ? staging : minReadTimeout;
    }
}
