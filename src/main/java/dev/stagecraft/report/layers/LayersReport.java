package dev.stagecraft.report.layers;

import dev.stagecraft.engine.image.ImageContent;
import java.util.List;

/**
 * What reaches an image, layer by layer and file by file: each layer's changes, the bytes shipped
 * for nothing ({@link WastedFile}, largest first) and the efficiency, the share of the layers'
 * bytes the final filesystem shows. Keeps the {@link ImageContent} it was made from, for the file
 * trees. Immutable; build it off the FX thread and hand it to any thread.
 */
public record LayersReport(ImageContent image, List<LayerReport> layers, List<WastedFile> wasted, long wastedBytes) {
    public LayersReport {
        layers = List.copyOf(layers);
        wasted = List.copyOf(wasted);
    }

    public String id() {
        return image.id();
    }

    /** The layers' bytes together: {@code docker image inspect}'s Size. */
    public long size() {
        return layers.stream().mapToLong(LayerReport::size).sum();
    }

    /** Bytes the final filesystem shows. */
    public long visibleBytes() {
        return size() - wastedBytes;
    }

    /** Visible bytes / all layers' bytes; 1.0 for an image of no bytes. */
    public double efficiency() {
        long size = size();
        return size == 0 ? 1.0 : (double) visibleBytes() / size;
    }

    /** The same report with each layer's Dockerfile stage and line (lists indexed by layer; nulls allowed). */
    public LayersReport withOrigins(List<LayerOrigin> origins) {
        List<LayerReport> out = layers.stream().map(l -> {
            LayerOrigin o = l.index() < origins.size() ? origins.get(l.index()) : null;
            return o == null ? l : l.withOrigin(o.stage(), o.line());
        }).toList();
        return new LayersReport(image, out, wasted, wastedBytes);
    }
}
