package dev.stagecraft.ui.layers;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.LayerReport;

/**
 * A row of the Layers table: the layer's place, size, the instruction that made it, its
 * Dockerfile line (null: the base image's, or unknown) and how many paths it added, modified and
 * removed. Immutable.
 */
public record LayerItem(int index, long size, String instruction, Integer line, int added, int modified, int removed) {

    static LayerItem of(LayerReport l) {
        return new LayerItem(l.index(), l.size(), Instructions.shorten(l.createdBy()), l.line(), l.added(),
                l.modified(), l.removed());
    }

    public String sizeText() {
        return ByteSize.format(size);
    }

    /** "+12 ~1 -3". */
    public String changes() {
        return "+" + added + " ~" + modified + " -" + removed;
    }
}
