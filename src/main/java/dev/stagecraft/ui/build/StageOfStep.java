package dev.stagecraft.ui.build;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.engine.session.FailureLocator;
import java.util.Locale;
import java.util.Optional;

/**
 * The stage index a builder's step belongs to: through the instruction {@link FailureLocator}
 * finds, else by the stage name the builder gave ({@code name}, {@code stage-N}, the names
 * BuildSession gives unnamed stages, or none in a single-stage file). Pure.
 */
final class StageOfStep {

    private StageOfStep() {
    }

    /** The stage index, or -1. */
    static int find(StageGraph graph, BuilderKind kind, BuildEvent.StepEvent step) {
        Optional<Integer> byInstruction = FailureLocator.locate(graph, kind, step)
                .flatMap(i -> graph.stageAt(i.range().start())).map(Stage::index);
        if (byInstruction.isPresent()) {
            return byInstruction.get();
        }
        String name = step.stage();
        if (name == null || name.isEmpty()) {
            return graph.stages().size() == 1 ? 0 : -1;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {BuildSession.UNNAMED_PREFIX, "stage-"}) {
            if (lower.startsWith(prefix) && lower.substring(prefix.length()).matches("\\d+")) {
                int i = Integer.parseInt(lower.substring(prefix.length()));
                if (i < graph.stages().size()) {
                    return i;
                }
            }
        }
        return graph.stages().stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(name))
                .findFirst().map(Stage::index).orElse(-1);
    }
}
