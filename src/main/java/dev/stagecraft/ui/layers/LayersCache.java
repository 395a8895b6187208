package dev.stagecraft.ui.layers;

import dev.stagecraft.report.layers.LayersReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One document's image reads: each image is read once while it stays among the last few asked
 * for (a read in progress is shared by everyone who asks for it, each told its progress), so the
 * Layers tab, the Sizes tab and a comparison do not read the same export twice. A read that fails
 * or is cancelled is forgotten, so asking again reads again. A report read with content hashes
 * also serves those that need none. FX thread only; the reads themselves run on {@code work}.
 */
public final class LayersCache {
    /** Reports kept: a stage's report is a few MB for ~10,000 entries. */
    static final int KEPT = 6;

    private final ImageLoad.Reader reader;
    private final Executor work;
    private final Executor fx;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > KEPT && eldest.getValue().future.isDone();
        }
    };

    private static final class Entry {
        final boolean hashed;
        final ImageLoad load;
        final CompletableFuture<LayersReport> future;
        final List<Consumer<LoadProgress>> listeners = new ArrayList<>();

        Entry(boolean hashed, ImageLoad load, CompletableFuture<LayersReport> future) {
            this.hashed = hashed;
            this.load = load;
            this.future = future;
        }
    }

    public LayersCache(ImageLoad.Reader reader, Executor work, Executor fx) {
        this.reader = reader;
        this.work = work;
        this.fx = fx;
    }

    /**
     * The layers report of {@code image} (an id, name or tag), read now or earlier.
     *
     * @param total    its size, for progress (0: unknown)
     * @param hash     whether the report must carry content hashes
     * @param progress told on the FX thread while the read goes
     * @return completes on the FX thread; cancelled when someone cancelled the read
     */
    public CompletableFuture<LayersReport> get(String image, long total, boolean hash, Consumer<LoadProgress> progress) {
        Entry e = entries.get(image);
        if (e != null && (e.hashed || !hash)) {
            if (!e.future.isDone() && progress != null) {
                e.listeners.add(progress);
            }
            return e.future;
        }
        Entry[] holder = new Entry[1];
        ImageLoad load = ImageLoad.start(image, total, hash, reader, work, fx, p -> {
            if (holder[0] != null) {
                List.copyOf(holder[0].listeners).forEach(l -> l.accept(p));
            }
        });
        Entry entry = new Entry(hash, load, load.result());
        if (progress != null) {
            entry.listeners.add(progress);
        }
        holder[0] = entry;
        entries.put(image, entry);
        load.result().whenComplete((r, failure) -> {
            if (failure != null && entries.get(image) == entry) {
                entries.remove(image); // asking again reads again
            }
        });
        return entry.future;
    }

    /** The report of {@code image} if it was read completely, else null. */
    public LayersReport ready(String image) {
        Entry e = entries.get(image);
        return e != null && e.future.isDone() && !e.future.isCompletedExceptionally() ? e.future.join() : null;
    }

    /** Whether {@code image} is being read now. */
    public boolean reading(String image) {
        Entry e = entries.get(image);
        return e != null && !e.future.isDone();
    }

    /** Stops reading {@code image}; everyone waiting for it sees it cancelled. Returns at once. */
    public void cancel(String image) {
        Entry e = entries.get(image);
        if (e != null && !e.future.isDone()) {
            e.load.cancel();
        }
    }

    /** Stops every read (the document is closed, the window quits). Returns at once. */
    public void cancelAll() {
        for (Entry e : List.copyOf(entries.values())) {
            if (!e.future.isDone()) {
                e.load.cancel();
            }
        }
    }
}
