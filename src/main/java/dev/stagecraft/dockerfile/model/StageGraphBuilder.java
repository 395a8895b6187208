package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import dev.stagecraft.dockerfile.syntax.Word;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds a {@link StageGraph} from a syntax tree with BuildKit's stage rules. Single use. */
final class StageGraphBuilder {
    // BuildKit: a stage name is ^[a-z][a-z0-9-_\.]*$ once lower-cased
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

    private final Dockerfile tree;
    private final GraphOptions options;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<StageEdge> edges = new ArrayList<>();
    private final List<ExternalImage> external = new ArrayList<>();
    private final List<ArgDeclaration> args = new ArrayList<>();
    private final Map<String, String> metaArgs = new LinkedHashMap<>();
    private WordExpander expander;

    StageGraphBuilder(Dockerfile tree, GraphOptions options) {
        this.tree = tree;
        this.options = options;
    }

    StageGraph build() {
        diagnostics.addAll(tree.diagnostics());
        Platform host = Platform.host();
        Platform target = host;
        if (options.platform() != null) {
            Platform p = Platform.parse(options.platform());
            if (p == null) {
                diagnostics.add(Diagnostic.warning("platform '" + options.platform()
                        + "' is not os/arch[/variant]; using " + host, tree.lines().range(0, 0)));
            } else {
                target = p;
            }
        }
        Map<String, String> automatic = Platform.automaticArgs(host, target);
        // meta ARGs shadow the automatic ones only when declared; build args apply to declared ARGs
        expander = new WordExpander(name -> metaArgs.containsKey(name) ? metaArgs.get(name) : automatic.get(name),
                tree.escape());

        List<List<Instruction>> groups = splitStages();
        for (int i = 0; i < groups.size(); i++) {
            addStage(i, groups.get(i));
        }
        for (Stage s : stages) {
            addReferences(s);
        }
        edges.sort(Comparator.comparingInt(StageEdge::to).thenComparingInt(e -> e.instruction().range().start()));
        checkCycles();
        int targetIndex = resolveTarget();
        BitSet needed = closure(targetIndex);
        diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.range().start()));
        return new StageGraph(tree, options, stages, edges, external, args, targetIndex, needed, diagnostics);
    }

    /** Groups instructions by stage; meta ARGs before the first FROM are read on the way. */
    private List<List<Instruction>> splitStages() {
        List<List<Instruction>> groups = new ArrayList<>();
        for (Instruction ins : tree.instructions()) {
            if (ins.is("FROM")) {
                groups.add(new ArrayList<>(List.of(ins)));
            } else if (!groups.isEmpty()) {
                groups.get(groups.size() - 1).add(ins);
                if (ins.is("ARG")) {
                    declareArgs(ins, groups.size() - 1);
                }
            } else if (ins.is("ARG")) {
                declareArgs(ins, -1);
            } else if (ins.known()) {
                diagnostics.add(Diagnostic.error(ins.keyword()
                        + " before the first FROM: only ARG may come before it", ins.keywordRange()));
            }
        }
        return groups;
    }

    private void declareArgs(Instruction ins, int stage) {
        for (Word w : ins.words()) {
            String text = w.text();
            int eq = text.indexOf('=');
            String name = eq < 0 ? text : text.substring(0, eq);
            String def = eq < 0 ? null : text.substring(eq + 1);
            String value;
            if (options.buildArgs().containsKey(name)) {
                value = options.buildArgs().get(name);
            } else if (def != null) {
                value = stage < 0 ? expander.expand(def) : new WordExpander(Map.of(), tree.escape()).expand(def);
            } else {
                value = stage < 0 ? null : metaArgs.get(name);
            }
            if (stage < 0) {
                metaArgs.put(name, value);
            }
            args.add(new ArgDeclaration(name, def, value, stage, w.range()));
        }
    }

    private void addStage(int index, List<Instruction> instructions) {
        Instruction from = instructions.get(0);
        List<Word> words = from.words();
        String base = words.isEmpty() ? "" : words.get(0).text();
        TextRange baseRange = words.isEmpty() ? null : words.get(0).range();
        String name = null;
        TextRange nameRange = null;
        if (words.isEmpty()) {
            diagnostics.add(Diagnostic.error("FROM needs an image: FROM <image> [AS <name>]", from.keywordRange()));
        } else if (words.size() >= 2 && words.get(1).text().equalsIgnoreCase("AS")) {
            if (words.size() == 2) {
                diagnostics.add(Diagnostic.error("AS needs a stage name", words.get(1).range()));
            } else {
                nameRange = words.get(2).range();
                name = words.get(2).text().toLowerCase(Locale.ROOT);
                checkName(name, nameRange);
                if (words.size() > 3) {
                    diagnostics.add(Diagnostic.error("FROM takes an image and, optionally, AS <name>",
                            words.get(3).range()));
                }
            }
        } else if (words.size() > 1) {
            diagnostics.add(Diagnostic.error("FROM takes an image and, optionally, AS <name>: '"
                    + words.get(1).text() + "' is not AS", words.get(1).range()));
        }
        for (Flag f : from.flags()) {
            if (!f.name().equalsIgnoreCase("platform")) {
                diagnostics.add(Diagnostic.error("FROM has no flag --" + f.name(), f.range()));
            }
        }
        String platform = from.flag("platform").map(Flag::value).orElse(null);
        String resolved = expander.expand(base);
        Integer baseStage = null;
        if (!resolved.isEmpty()) {
            Optional<Integer> earlier = lookupByName(resolved.toLowerCase(Locale.ROOT), index);
            if (earlier.isPresent()) {
                baseStage = earlier.get();
            }
        } else if (!base.isEmpty()) {
            diagnostics.add(Diagnostic.error("base image '" + base + "' resolves to an empty name", baseRange));
        }
        TextRange range = tree.lines().range(from.range().start(),
                instructions.get(instructions.size() - 1).range().end());
        stages.add(new Stage(index, name, base, resolved, baseStage, platform, range, nameRange, baseRange,
                List.copyOf(instructions)));
    }

    private void checkName(String name, TextRange range) {
        if (!STAGE_NAME.matcher(name).matches()) {
            diagnostics.add(Diagnostic.error("invalid stage name '" + name
                    + "': use a letter, then letters, digits, '-', '_' or '.'", range));
            return;
        }
        for (Stage s : stages) {
            if (name.equals(s.name())) {
                diagnostics.add(Diagnostic.warning("duplicate stage name '" + name + "' (also stage " + s.index()
                        + " on line " + s.line() + "): references use the last one", range));
                return;
            }
        }
    }

    /** The latest stage before {@code before} with that name: how FROM finds its base. */
    private Optional<Integer> lookupByName(String name, int before) {
        for (int i = Math.min(before, stages.size()) - 1; i >= 0; i--) {
            if (name.equals(stages.get(i).name())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** How {@code --from} finds a stage: an index, else the last stage of that name. */
    static Optional<Integer> lookup(List<Stage> stages, String ref, int count) {
        if (ref == null || ref.isEmpty()) {
            return Optional.empty();
        }
        if (isIndex(ref)) {
            try {
                int i = Integer.parseInt(ref);
                return i < count ? Optional.of(i) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (lower.equals(stages.get(i).name())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static boolean isIndex(String ref) {
        return !ref.isEmpty() && ref.chars().allMatch(Character::isDigit);
    }

    private void addReferences(Stage s) {
        if (s.baseStage() != null) {
            edges.add(new StageEdge(s.baseStage(), s.index(), EdgeKind.BASE, s.from(), s.baseRange(), "FROM"));
        }
        for (Instruction ins : s.instructions()) {
            if (ins.is("COPY")) {
                ins.flag("from").filter(f -> f.value() != null && !f.value().isEmpty())
                        .ifPresent(f -> reference(s, ins, f.value(), f.valueRange(), EdgeKind.COPY, copyLabel(ins)));
            } else if (ins.is("RUN")) {
                for (Flag f : ins.flags("mount")) {
                    Mount m = Mount.of(f, tree.source());
                    if (m.from() != null && !m.from().isEmpty()) {
                        reference(s, ins, m.from(), m.fromRange(), EdgeKind.MOUNT, m.target());
                    }
                }
            }
        }
    }

    private void reference(Stage s, Instruction ins, String written, TextRange range, EdgeKind kind, String label) {
        String ref = expander.expand(written);
        TextRange at = range != null ? range : ins.range();
        if (isIndex(ref)) {
            Optional<Integer> i = lookup(stages, ref, stages.size());
            if (i.isEmpty()) {
                diagnostics.add(Diagnostic.error("no stage " + ref + ": stage indexes go from 0 to "
                        + (stages.size() - 1), at));
            } else {
                edges.add(new StageEdge(i.get(), s.index(), kind, ins, range, label));
            }
            return;
        }
        Optional<Integer> i = lookup(stages, ref, stages.size());
        if (i.isPresent()) {
            edges.add(new StageEdge(i.get(), s.index(), kind, ins, range, label));
        } else {
            external.add(new ExternalImage(ref, s.index(), kind, ins, range, label));
        }
    }

    private static String copyLabel(Instruction ins) {
        List<Word> w = ins.words();
        if (ins.execForm() && ins.execArgs().size() >= 2) {
            return String.join(" ", ins.execArgs().subList(0, ins.execArgs().size() - 1));
        }
        if (w.size() >= 2) {
            return String.join(" ", w.subList(0, w.size() - 1).stream().map(Word::text).toList());
        }
        return w.isEmpty() ? "" : w.get(0).text();
    }

    private void checkCycles() {
        int n = stages.size();
        Map<Integer, List<StageEdge>> into = new HashMap<>();
        for (StageEdge e : edges) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        for (int i = 0; i < n; i++) {
            if (state[i] == 0) {
                dfs(i, into, state, new ArrayList<>(), new ArrayList<>());
            }
        }
    }

    /** Depth-first along "uses" edges; {@code via} holds the edge that led to each node on the path. */
    private void dfs(int v, Map<Integer, List<StageEdge>> into, int[] state, List<Integer> path, List<StageEdge> via) {
        state[v] = 1;
        path.add(v);
        for (StageEdge e : into.getOrDefault(v, List.of())) {
            if (state[e.from()] == 1) {
                int at = path.indexOf(e.from());
                List<StageEdge> cycleEdges = new ArrayList<>(via.subList(at, via.size()));
                cycleEdges.add(e);
                StringBuilder sb = new StringBuilder();
                for (int k = at; k < path.size(); k++) {
                    sb.append(k == at ? "" : " ← ").append(stages.get(path.get(k)).displayName());
                }
                sb.append(" ← ").append(stages.get(e.from()).displayName());
                // point at a COPY or mount in the cycle when there is one: FROM order is rarely the mistake
                StageEdge blame = cycleEdges.stream().filter(c -> c.kind() != EdgeKind.BASE).reduce((a, b) -> b).orElse(e);
                diagnostics.add(Diagnostic.error("circular dependency: " + sb,
                        blame.referenceRange() != null ? blame.referenceRange() : blame.instruction().range()));
            } else if (state[e.from()] == 0) {
                via.add(e);
                dfs(e.from(), into, state, path, via);
                via.remove(via.size() - 1);
            }
        }
        path.remove(path.size() - 1);
        state[v] = 2;
    }

    private int resolveTarget() {
        if (stages.isEmpty()) {
            return -1;
        }
        String wanted = options.target();
        if (wanted == null || wanted.isEmpty()) {
            return stages.size() - 1;
        }
        Optional<Integer> i = lookup(stages, wanted, stages.size());
        if (i.isEmpty()) {
            diagnostics.add(Diagnostic.error("target stage '" + wanted + "' not found; using the last stage",
                    tree.lines().range(0, 0)));
            return stages.size() - 1;
        }
        return i.get();
    }

    private BitSet closure(int target) {
        BitSet needed = new BitSet();
        if (target < 0) {
            return needed;
        }
        List<Integer> work = new ArrayList<>(List.of(target));
        needed.set(target);
        while (!work.isEmpty()) {
            int v = work.remove(work.size() - 1);
            for (StageEdge e : edges) {
                if (e.to() == v && !needed.get(e.from())) {
                    needed.set(e.from());
                    work.add(e.from());
                }
            }
        }
        return needed;
    }
}
