package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.image.ExportReader;
import dev.stagecraft.engine.image.Exports;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ImageNotFoundException;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.StageSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Images made in memory for the view models' tests, read through the real export reader (so the
 * hashing, the analysis and the cancel checks are the real ones); counts reads. Thread-safe.
 */
final class FakeImages implements ImageLoad.Reader {
    private final Map<String, byte[]> exports = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    /** Adds an image of {@code layers} made by RUN steps; returns the stage size a build would report for it. */
    StageSize add(String id, int index, String name, List<Integer> lines, byte[]... layers) throws IOException {
        List<String> history = new ArrayList<>();
        List<LayerSize> sizes = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            history.add("RUN step " + i);
        }
        exports.put(id, Exports.dockerArchive(List.of(layers), history));
        ImageContent c = read(id, ReadControl.plain());
        reads.set(0);
        long total = 0;
        for (int i = 0; i < layers.length; i++) {
            long s = c.layers().get(i).size();
            total += s;
            sizes.add(new LayerSize(s, "RUN step " + i, lines.get(i)));
        }
        return new StageSize(index, name, id, total, true, sizes);
    }

    @Override
    public ImageContent read(String image, ReadControl control) throws IOException {
        reads.incrementAndGet();
        byte[] export = exports.get(image);
        if (export == null) {
            throw new ImageNotFoundException(image);
        }
        control.progress().update(export.length / 2, 0, 1);
        return new ExportReader(control).read(new ByteArrayInputStream(export), image);
    }
}
