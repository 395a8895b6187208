package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayersReport;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One read of an image's layers for the window: the export is streamed and analysed on a
 * background executor; progress (throttled: at most one update queued at a time) and the result
 * come back on the FX executor. {@link #cancel()} returns at once, from any thread; the result is
 * then cancelled ({@link java.util.concurrent.CancellationException}). The FX thread never waits
 * on the stream, not even to close it.
 */
public final class ImageLoad {
    /** What reads an image: the engine in the window ({@code ImageReader::read}), a fake in tests. */
    @FunctionalInterface
    public interface Reader {
        ImageContent read(String image, ReadControl control) throws IOException;
    }

    private final ReadControl control;
    private final Executor work;
    private final CompletableFuture<LayersReport> result = new CompletableFuture<>();

    private ImageLoad(ReadControl control, Executor work) {
        this.control = control;
        this.work = work;
    }

    /**
     * Starts reading {@code image} on {@code work}.
     *
     * @param total    the image's size for the progress bar (0: unknown)
     * @param hash     whether to hash file contents (comparisons need it)
     * @param progress told on {@code fx} as the read goes
     * @return the read; its {@link #result()} completes on {@code fx}
     */
    public static ImageLoad start(String image, long total, boolean hash, Reader reader, Executor work, Executor fx,
                                  Consumer<LoadProgress> progress) {
        AtomicReference<LoadProgress> latest = new AtomicReference<>();
        AtomicBoolean queued = new AtomicBoolean();
        ImageLoad[] self = new ImageLoad[1];
        ReadControl control = new ReadControl(hash, (bytes, layers, entries) -> {
            latest.set(new LoadProgress(image, bytes, total, layers, entries));
            if (queued.compareAndSet(false, true)) {
                fx.execute(() -> {
                    queued.set(false);
                    if (!self[0].result.isDone()) {
                        progress.accept(latest.get());
                    }
                });
            }
        });
        ImageLoad load = new ImageLoad(control, work);
        self[0] = load;
        work.execute(() -> {
            LayersReport report = null;
            Throwable failure = null;
            try {
                report = LayerAnalysis.analyse(reader.read(image, control));
            } catch (Throwable e) { // everything reaches the window: a read never ends silently
                failure = e;
            }
            LayersReport r = report;
            Throwable f = failure;
            fx.execute(() -> {
                if (control.cancelled()) {
                    load.result.cancel(false);
                } else if (f != null) {
                    load.result.completeExceptionally(f);
                } else {
                    load.result.complete(r);
                }
            });
        });
        return load;
    }

    /** Completes on the FX executor with the report, exceptionally with the failure, or cancelled. */
    public CompletableFuture<LayersReport> result() {
        return result;
    }

    /**
     * Stops the read; returns at once: the result is cancelled now, and the export's stream is
     * closed on {@code work} (closing a socket waits for the reading thread to let go of it, which
     * the FX thread must never do). {@code work} must not be a single thread busy with this read.
     */
    public void cancel() {
        if (result.cancel(false)) {
            work.execute(control::cancel);
        }
    }

    public boolean cancelled() {
        return result.isCancelled() || control.cancelled();
    }

    /** "sha256:0e7ac955b826" → "0e7ac955b826"; a tag stays as it is. */
    public static String shortId(String image) {
        if (image == null) {
            return "";
        }
        String s = image.startsWith("sha256:") ? image.substring(7) : image;
        return image.startsWith("sha256:") && s.length() > 12 ? s.substring(0, 12) : s;
    }

    /** One line for a failed read: the reader's own message (they are written for users), never a trace. */
    public static String reason(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
