package dev.stagecraft.report.layers;

import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.LayerSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the final image's bytes come from: its base (the layers its FROM brought: a base image or
 * an earlier stage's), {@code COPY --from} of other stages, and its own instructions. The three
 * add up to the image's size. Immutable.
 */
public record Composition(long base, long copied, long own) {

    /** The final stage's composition from a build's size report (layer lines tell them apart). */
    public static Composition of(SizeReport report) {
        StageSize fin = report.finalImage().orElse(null);
        if (fin == null) {
            return new Composition(0, 0, 0);
        }
        Set<Integer> copyLines = report.copies().stream().filter(c -> c.to() == fin.index()).map(CopySize::line)
                .collect(Collectors.toSet());
        long base = 0;
        long copied = 0;
        long own = 0;
        for (LayerSize l : fin.layers()) {
            if (l.line() == null) {
                base += l.size();
            } else if (copyLines.contains(l.line())) {
                copied += l.size();
            } else {
                own += l.size();
            }
        }
        return new Composition(base, copied, own);
    }
}
