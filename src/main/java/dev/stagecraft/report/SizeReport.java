package dev.stagecraft.report;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a build produced and how big each part is: every needed stage's image and layers, the
 * bytes each {@code COPY --from} carried, the final image against the largest builder stage.
 * Immutable.
 */
public record SizeReport(String image, String target, String builder, double seconds, List<StageSize> stages,
                         int finalStage, List<CopySize> copies) {

    public SizeReport {
        stages = List.copyOf(stages);
        copies = List.copyOf(copies);
    }

    /** Builds the report: copy sizes come from the layer each COPY --from made in its stage. */
    public static SizeReport of(StageGraph graph, String image, String target, String builder, double seconds,
                                List<StageSize> stages) {
        List<CopySize> copies = new ArrayList<>();
        for (StageEdge e : graph.edges()) {
            if (e.kind() != EdgeKind.COPY) {
                continue;
            }
            stages.stream().filter(s -> s.index() == e.to()).findFirst().ifPresent(s -> s.layers().stream()
                    .filter(l -> l.line() != null && l.line() == e.line()).findFirst()
                    .ifPresent(l -> copies.add(new CopySize(e.from(), e.to(), e.line(), l.size()))));
        }
        return new SizeReport(image, target, builder, seconds, stages, graph.target(), copies);
    }

    public Optional<StageSize> stage(int index) {
        return stages.stream().filter(s -> s.index() == index).findFirst();
    }

    public Optional<StageSize> finalImage() {
        return stage(finalStage);
    }

    /** The biggest needed stage other than the final one. */
    public Optional<StageSize> largestBuilder() {
        return stages.stream().filter(s -> s.index() != finalStage && s.needed())
                .max(Comparator.comparingLong(StageSize::size));
    }

    /** "final image 762 kB vs builder 574 MB — 99.9 % smaller" (or just the final size for one stage). */
    public String headline() {
        Optional<StageSize> fin = finalImage();
        if (fin.isEmpty()) {
            return "no final image";
        }
        long f = fin.get().size();
        Optional<StageSize> builder = largestBuilder();
        if (builder.isEmpty() || builder.get().size() == 0) {
            return "final image " + ByteSize.format(f);
        }
        long b = builder.get().size();
        double pct = 100.0 * (b - f) / b;
        String change = pct >= 0 ? String.format(Locale.ROOT, "%.1f %% smaller", pct)
                : String.format(Locale.ROOT, "%.1f %% larger", -pct);
        return "final image " + ByteSize.format(f) + " vs " + builder.get().displayName() + " " + ByteSize.format(b)
                + " — " + change;
    }
}
