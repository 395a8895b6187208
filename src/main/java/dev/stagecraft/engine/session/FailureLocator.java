package dev.stagecraft.engine.session;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.build.BuildEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Dockerfile instruction a builder's step is about, by the step's stage and number;
 * the step's text only confirms (with each variable a wildcard, since BuildKit names a step
 * after the command with its variables expanded) or breaks a tie.
 *
 * <p>The classic builder numbers steps across the whole file, meta ARGs included ({@code Step
 * 3/17}). BuildKit numbers them per stage ({@code [builder 2/5]}, {@code [stage-1 1/1]}, none in
 * a single-stage file): {@code FROM <image>} is step 1, {@code FROM scratch} and
 * {@code FROM <stage>} are no step, and then each RUN, COPY, ADD and WORKDIR, except that a
 * {@code WORKDIR /} counts in the total but gets no number and no step. The base image's ONBUILD
 * triggers run first and take numbers too (dockerd 20.10's BuildKit leaves them out of the total,
 * later ones count them), which shifts the stage's own steps; the text then decides. Checked
 * against builds on dockerd 20.10 (see FailureLocatorEngineTest). Pure; thread-safe.
 */
public final class FailureLocator {
    /** The instructions that make a BuildKit step, besides {@code FROM <image>}. */
    private static final Set<String> BUILDKIT_STEPS = Set.of("RUN", "COPY", "ADD", "WORKDIR");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private FailureLocator() {
    }

    public static Optional<Instruction> locate(StageGraph graph, BuilderKind builder, BuildEvent.StepEvent step) {
        if (step.step() < 1) {
            return Optional.empty();
        }
        if (builder == BuilderKind.CLASSIC) {
            return classic(graph, step);
        }
        return stage(graph, step.stage()).flatMap(s -> buildKit(s, step));
    }

    private static Optional<Instruction> classic(StageGraph graph, BuildEvent.StepEvent step) {
        List<Instruction> all = graph.tree().instructions();
        int i = step.step() - 1;
        if (i < all.size() && keyword(step.instruction()).equals(all.get(i).keyword())) {
            return Optional.of(all.get(i));
        }
        return nearestMatching(all, step.instruction(), i);
    }

    private static Optional<Instruction> buildKit(Stage stage, BuildEvent.StepEvent step) {
        String keyword = keyword(step.instruction());
        boolean fromImage = stage.baseStage() == null && !stage.baseResolved().equalsIgnoreCase("scratch");
        if (keyword.equals("FROM")) {
            return fromImage ? Optional.of(stage.from()) : Optional.empty();
        }
        List<Instruction> counted = new ArrayList<>();
        List<Instruction> numbered = new ArrayList<>();
        if (fromImage) {
            counted.add(stage.from());
            numbered.add(stage.from());
        }
        for (Instruction ins : stage.instructions().subList(1, stage.instructions().size())) {
            if (BUILDKIT_STEPS.contains(ins.keyword())) {
                counted.add(ins);
                if (!(ins.is("WORKDIR") && isRoot(ins.arguments()))) {
                    numbered.add(ins);
                }
            }
        }
        int i = step.step() - 1;
        // a total above ours: BuildKit counted ONBUILD triggers, which run right after FROM
        if (step.total() > counted.size() && i > 0) {
            i -= step.total() - counted.size();
        }
        if (i >= 0 && i < numbered.size() && numbered.get(i).keyword().equals(keyword)
                && matches(numbered.get(i), step.instruction())) {
            return Optional.of(numbered.get(i));
        }
        return nearestMatching(numbered, step.instruction(), i);
    }

    /** Among the instructions whose text the step's text matches, the one nearest to index {@code i}, later ones first. */
    private static Optional<Instruction> nearestMatching(List<Instruction> list, String text, int i) {
        Instruction best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = 0; k < list.size(); k++) {
            if (matches(list.get(k), text)) {
                int d = k >= i ? 2 * (k - i) : 2 * (i - k) + 1;
                if (d < bestDistance) {
                    best = list.get(k);
                    bestDistance = d;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** WORKDIR / (or with quotes, or // ...): BuildKit makes no step for it. */
    private static boolean isRoot(String path) {
        String p = path.strip().replace("\"", "").replace("'", "");
        return !p.isEmpty() && p.chars().allMatch(c -> c == '/');
    }

    /** The stage a builder names: its {@code AS} name, {@code stage-N}, the session's name for an unnamed one, or (none) the only stage. */
    static Optional<Stage> stage(StageGraph graph, String name) {
        if (name == null || name.isEmpty()) {
            return graph.stages().size() == 1 ? Optional.of(graph.stages().get(0)) : Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {BuildSession.UNNAMED_PREFIX, "stage-"}) {
            if (lower.startsWith(prefix) && lower.substring(prefix.length()).matches("\\d{1,9}")) {
                int index = Integer.parseInt(lower.substring(prefix.length()));
                if (index < graph.stages().size() && graph.stages().get(index).name() == null) {
                    return Optional.of(graph.stages().get(index));
                }
            }
        }
        return graph.find(lower);
    }

    private static String keyword(String text) {
        String t = text == null ? "" : text.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        return t.substring(0, sp).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a step's text ({@code RUN echo hello world}) is this instruction's
     * ({@code RUN echo $GREETING ${WHO}}): the same keyword, flags, then its arguments, blanks
     * aside, each variable standing for any text. A heredoc's body is not in the step's
     * name, so there the keyword decides.
     */
    static boolean matches(Instruction ins, String text) {
        if (text == null || !keyword(text).equals(ins.keyword())) {
            return false;
        }
        if (!ins.heredocs().isEmpty()) {
            return true;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        t = ins.keyword() + t.substring(ins.keyword().length());
        String args = ins.arguments().strip().replaceAll("\\s+", " ");
        if (args.isEmpty()) {
            return true;
        }
        // the keyword, the flags as written, then the arguments
        StringBuilder regex = new StringBuilder("(?s)").append(Pattern.quote(ins.keyword())).append("(?: --\\S+)* ");
        Matcher m = VARIABLE.matcher(args);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(args.substring(last, m.start()))).append(".*?");
            last = m.end();
        }
        regex.append(Pattern.quote(args.substring(last)));
        return Pattern.matches(regex.toString(), t);
    }
}
