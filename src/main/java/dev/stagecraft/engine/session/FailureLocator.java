package dev.stagecraft.report;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.build.BuildEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the Dockerfile instruction a builder's step is about. BuildKit names steps
 * {@code [builder 2/5] RUN make}: the stage (its name, {@code stage-N}, or none for a single stage)
 * and the step within it, where {@code FROM <image>} is step 1 but {@code FROM scratch} and
 * {@code FROM <stage>} are no step. The classic builder numbers steps across the whole file. The
 * step's text confirms the match; when it does not, the stage's instructions are searched by text.
 * Pure; thread-safe.
 */
public final class FailureLocator {
    private FailureLocator() {
    }

    public static Optional<Instruction> locate(StageGraph graph, BuilderKind builder, BuildEvent.StepEvent step) {
        if (builder == BuilderKind.CLASSIC) {
            List<Instruction> all = graph.tree().instructions();
            if (step.step() >= 1 && step.step() <= all.size() && sameText(all.get(step.step() - 1), step.instruction())) {
                return Optional.of(all.get(step.step() - 1));
            }
        }
        Optional<Stage> stage = stage(graph, step.stage());
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        List<Instruction> steps = new ArrayList<>(stage.get().instructions());
        Stage s = stage.get();
        if (s.baseStage() != null || s.baseResolved().equalsIgnoreCase("scratch")) {
            steps.remove(0);
        }
        if (builder == BuilderKind.BUILDKIT && step.step() >= 1 && step.step() <= steps.size()
                && sameText(steps.get(step.step() - 1), step.instruction())) {
            return Optional.of(steps.get(step.step() - 1));
        }
        return stage.get().instructions().stream().filter(i -> sameText(i, step.instruction())).findFirst();
    }

    /** The stage a builder names: its {@code AS} name, {@code stage-N}, or (none) the only stage. */
    static Optional<Stage> stage(StageGraph graph, String name) {
        if (name == null || name.isEmpty()) {
            return graph.stages().size() == 1 ? Optional.of(graph.stages().get(0)) : Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.matches("stage-\\d+")) {
            int index = Integer.parseInt(lower.substring(6));
            if (index < graph.stages().size() && graph.stages().get(index).name() == null) {
                return Optional.of(graph.stages().get(index));
            }
        }
        return graph.find(lower);
    }

    /** Whether a step's text ({@code RUN make}) is this instruction's, blanks aside. */
    static boolean sameText(Instruction ins, String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        int sp = t.indexOf(' ');
        String keyword = (sp < 0 ? t : t.substring(0, sp)).toUpperCase(Locale.ROOT);
        if (!keyword.equals(ins.keyword())) {
            return false;
        }
        String rest = sp < 0 ? "" : t.substring(sp + 1);
        String args = ins.arguments().replaceAll("\\s+", " ");
        return rest.isEmpty() || rest.endsWith(args) || args.startsWith(rest) || rest.contains(args)
                || ins.heredocs().size() > 0;
    }
}
