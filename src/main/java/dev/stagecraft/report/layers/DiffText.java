package dev.stagecraft.report.layers;

import dev.stagecraft.engine.ByteSize;
import java.util.Locale;

/** {@code stagecraft diff} for people: both images, the size change, then each differing path. Stateless. */
public final class DiffText {
    private DiffText() {
    }

    public static String render(ImageDiff d) {
        StringBuilder out = new StringBuilder();
        out.append(side("a", d.a())).append(side("b", d.b()));
        out.append("size ").append(ByteSize.formatChange(d.sizeDelta())).append(", ").append(d.files().size())
                .append(d.files().size() == 1 ? " path differs" : " paths differ").append('\n');
        for (FileDiff f : d.files()) {
            String sizes = switch (f.change()) {
                case ADDED -> ByteSize.format(f.sizeB());
                case REMOVED -> ByteSize.format(f.sizeA());
                case MODIFIED -> ByteSize.format(f.sizeA()) + " -> " + ByteSize.format(f.sizeB())
                        + (f.delta() == 0 ? "" : " (" + ByteSize.formatChange(f.delta()) + ")");
            };
            out.append(String.format(Locale.ROOT, "  %s %s  %s%n", LayersText.sign(f.change()), f.path(), sizes));
        }
        return out.toString();
    }

    private static String side(String label, ImageDiff.Side s) {
        String tags = s.tags().isEmpty() ? "" : " (" + String.join(", ", s.tags()) + ")";
        return label + " " + s.image() + tags + "  " + ByteSize.format(s.size()) + "\n";
    }
}
