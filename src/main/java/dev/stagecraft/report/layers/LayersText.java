package dev.stagecraft.report.layers;

import dev.stagecraft.engine.ByteSize;
import java.util.Locale;

/** {@code stagecraft layers} for people: a table of layers, the wasted files, the efficiency. Stateless. */
public final class LayersText {
    /** How many wasted paths the text lists (the JSON lists them all). */
    static final int WASTED_SHOWN = 20;

    private LayersText() {
    }

    public static String render(LayersReport r, boolean withFiles) {
        StringBuilder out = new StringBuilder();
        String tags = r.image().tags().isEmpty() ? "" : " (" + String.join(", ", r.image().tags()) + ")";
        out.append("image ").append(r.id()).append(tags).append('\n');
        out.append(String.format(Locale.ROOT, "%-5s %10s %7s %8s %7s %6s  %s%n", "LAYER", "SIZE", "ADDED",
                "MODIFIED", "REMOVED", "LINE", "CREATED BY"));
        for (LayerReport l : r.layers()) {
            out.append(String.format(Locale.ROOT, "%-5d %10s %7d %8d %7d %6s  %s%n", l.index(),
                    ByteSize.format(l.size()), l.added(), l.modified(), l.removed(),
                    l.line() == null ? "-" : l.line().toString(), shorten(l.createdBy())));
            if (withFiles) {
                for (FileChange f : l.files()) {
                    out.append(String.format(Locale.ROOT, "        %s %s %10s  %s%s%n", sign(f.change()),
                            f.modeString(), ByteSize.format(f.size()), f.path(),
                            f.linkTarget() == null ? "" : " -> " + f.linkTarget()));
                }
            }
        }
        if (!r.wasted().isEmpty()) {
            out.append("\nwasted (shipped in a layer, hidden by a later one), largest first:\n");
            r.wasted().stream().limit(WASTED_SHOWN).forEach(w -> out.append(String.format(Locale.ROOT,
                    "  %10s  %s  (layers %s)%n", ByteSize.format(w.bytes()), w.path(),
                    String.join(", ", w.layers().stream().map(String::valueOf).toList()))));
            if (r.wasted().size() > WASTED_SHOWN) {
                out.append("  … and ").append(r.wasted().size() - WASTED_SHOWN).append(" more (--format json lists all)\n");
            }
        }
        out.append(String.format(Locale.ROOT, "%nsize %s, wasted %s, efficiency %.1f %%%n", ByteSize.format(r.size()),
                ByteSize.format(r.wastedBytes()), Math.floor(r.efficiency() * 1000) / 10));
        return out.toString();
    }

    static String sign(Change c) {
        return switch (c) {
            case ADDED -> "+";
            case MODIFIED -> "~";
            case REMOVED -> "-";
        };
    }

    private static String shorten(String createdBy) {
        if (createdBy == null) {
            return "";
        }
        String s = createdBy.replaceAll("\\s+", " ").strip();
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }
}
