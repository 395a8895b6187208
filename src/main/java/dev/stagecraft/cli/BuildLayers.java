package dev.stagecraft.cli;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.image.ImageReader;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.report.CopySize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayersReport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layers {@code build --report json} and {@code --max-wasted} need after a build: the final
 * stage's image and, for the JSON, each stage a {@code COPY --from} lands in (the files it
 * carried). Each image is read once, streamed. Blocking; called on the command's thread.
 */
final class BuildLayers {
    private BuildLayers() {
    }

    /** @param copies whether the stages copies land in are read too (the JSON lists their files) */
    static Map<Integer, LayersReport> read(Engine engine, SizeReport r, boolean copies) throws IOException {
        Map<Integer, LayersReport> out = new LinkedHashMap<>();
        Map<String, LayersReport> byImage = new LinkedHashMap<>();
        ImageReader reader = new ImageReader(engine);
        for (StageSize s : r.stages()) {
            boolean receives = copies && r.copies().stream().mapToInt(CopySize::to).anyMatch(t -> t == s.index());
            if (s.index() != r.finalStage() && !receives) {
                continue;
            }
            LayersReport l = byImage.get(s.image());
            if (l == null) {
                l = LayerAnalysis.analyse(reader.read(s.image(), ReadControl.plain()));
                byImage.put(s.image(), l);
            }
            out.put(s.index(), l);
        }
        return out;
    }
}
