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

/** Builds a {@link StageGraph} from a syntax tree with BuildKit's stage rules. Single use. */
final class StageGraphBuilder {

    private final Dockerfile tree;
    private final GraphOptions options;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<StageEdge> edges = new ArrayList<>();
    private final List<ExternalImage> external = new ArrayList<>();
    private final List<ArgDeclaration> args = new ArrayList<>();
    private final Map<String, String> metaArgs = new LinkedHashMap<>();
    /** The last stage of each name so far: FROM finds its base here, --from (after all stages) too. */
    private final Map<String, Integer> lastByName = new HashMap<>();
    private WordExpander expander;
    private WordExpander stageArgExpander;
    /** Edges into stage v are {@code edges[intoStart[v] .. intoStart[v + 1])} once sorted. */
    private int[] intoStart;

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
            if (p != null) {
                target = p; // else the host's, as lint's STG019 says
            }
        }
        Map<String, String> automatic = Platform.automaticArgs(host, target);
        // meta ARGs shadow the automatic ones only when declared; build args apply to declared ARGs
        expander = new WordExpander(name -> metaArgs.containsKey(name) ? metaArgs.get(name) : automatic.get(name),
                tree.escape());
        // a stage ARG's default sees no meta ARG (BuildKit expands it with the stage's own env, empty here)
        stageArgExpander = expander.withLookup(name -> null);

        List<List<Instruction>> groups = splitStages();
        for (int i = 0; i < groups.size(); i++) {
            addStage(i, groups.get(i));
        }
        for (Stage s : stages) {
            addReferences(s);
        }
        edges.sort(Comparator.comparingInt(StageEdge::to).thenComparingInt(e -> e.instruction().range().start()));
        indexEdgesInto();
        checkCycles();
        int targetIndex = resolveTarget();
        BitSet needed = closure(targetIndex);
        if (stages.isEmpty() && !tree.instructions().isEmpty()) {
            // BuildKit's words (dockerfile2llb); the daemon of Docker 20.10 even panics on such a file
            diagnostics.add(Diagnostic.error("dockerfile contains no stages to build: add a FROM",
                    tree.lines().range(0, 0)));
        }
        if (expander.exhausted()) {
            diagnostics.add(Diagnostic.error("variables expand to more than " + (WordExpander.DEFAULT_BUDGET >> 20)
                    + " M characters in all (ARGs built from ARGs?); the rest is left unexpanded",
                    tree.lines().range(0, 0)));
        }
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
                value = stage < 0 ? expander.expand(def) : stageArgExpander.expand(def);
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
            baseStage = lastByName.get(resolved.toLowerCase(Locale.ROOT)); // stages before this one only
        } else if (!base.isEmpty()) {
            diagnostics.add(Diagnostic.error("base image '" + base + "' resolves to an empty name", baseRange));
        }
        TextRange range = tree.lines().range(from.range().start(),
                instructions.get(instructions.size() - 1).range().end());
        stages.add(new Stage(index, name, base, resolved, baseStage, platform, range, nameRange, baseRange,
                List.copyOf(instructions)));
        if (name != null) {
            lastByName.put(name, index);
        }
    }

    private void checkName(String name, TextRange range) {
        if (!isValidName(name)) {
            diagnostics.add(Diagnostic.error("invalid stage name '" + name
                    + "': use a letter, then letters, digits, '-', '_' or '.'", range));
        }
        // a second stage of one name is BuildKit's DuplicateStageName check (lint), not an error
    }

    /**
     * How {@code --from} and {@code --target} find a stage: an index below {@code count}, else
     * the last stage of that name (case-insensitive) in {@code lastByName}.
     */
    static Optional<Integer> lookup(Map<String, Integer> lastByName, String ref, int count) {
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
        return Optional.ofNullable(lastByName.get(ref.toLowerCase(Locale.ROOT)));
    }

    static boolean isIndex(String ref) {
        for (int i = 0; i < ref.length(); i++) {
            if (!Character.isDigit(ref.charAt(i))) {
                return false;
            }
        }
        return !ref.isEmpty();
    }

    /** BuildKit: a stage name is {@code ^[a-z][a-z0-9-_\.]*$} once lower-cased. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
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
                    if (!mentionsFrom(f.value())) {
                        continue; // most mounts (caches, secrets) name no stage: not read on every keystroke
                    }
                    Mount m = Mount.of(f, tree.source());
                    if (m.from() != null && !m.from().isEmpty()) {
                        reference(s, ins, m.from(), m.fromRange(), EdgeKind.MOUNT, m.target());
                    }
                }
            }
        }
    }

    /** Whether a mount's fields could have a {@code from} key (keys are compared lower-cased). */
    private static boolean mentionsFrom(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i + 4 <= value.length(); i++) {
            if (value.regionMatches(true, i, "from", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private void reference(Stage s, Instruction ins, String written, TextRange range, EdgeKind kind, String label) {
        String ref = expander.expand(written);
        TextRange at = range != null ? range : ins.range();
        if (isIndex(ref)) {
            Optional<Integer> i = lookup(lastByName, ref, stages.size());
            if (i.isEmpty()) {
                diagnostics.add(Diagnostic.error("no stage " + ref + ": stage indexes go from 0 to "
                        + (stages.size() - 1), at));
            } else {
                edges.add(new StageEdge(i.get(), s.index(), kind, ins, range, label));
            }
            return;
        }
        Optional<Integer> i = lookup(lastByName, ref, stages.size());
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
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < w.size() - 1; i++) {
                sb.append(i == 0 ? "" : " ").append(w.get(i).text());
            }
            return sb.toString();
        }
        return w.isEmpty() ? "" : w.get(0).text();
    }

    /** Edges are sorted by {@code to}: the edges into each stage are one run of the list. */
    private void indexEdgesInto() {
        int n = stages.size();
        intoStart = new int[n + 1];
        for (StageEdge e : edges) {
            intoStart[e.to() + 1]++;
        }
        for (int v = 0; v < n; v++) {
            intoStart[v + 1] += intoStart[v];
        }
    }

    /**
     * Depth-first along "uses" edges, with an explicit stack (a chain of stages as long as the
     * file allows must not overflow Java's). Each edge back to a stage on the path is a cycle.
     */
    private void checkCycles() {
        int n = stages.size();
        byte[] state = new byte[n]; // 0 new, 1 on the path, 2 done
        int[] path = new int[n];        // the stages on the path
        int[] next = new int[n];        // per path entry: the next edge into it to look at
        int[] via = new int[n];         // via[k]: the edge from path[k + 1] into path[k]
        int[] lastUse = new int[n];     // lastUse[k]: the last k' <= k whose via is not a FROM, else -1
        int[] depthOf = new int[n];     // where a stage on the path is
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int top = 0;
            path[0] = root;
            next[0] = intoStart[root];
            state[root] = 1;
            depthOf[root] = 0;
            while (top >= 0) {
                int v = path[top];
                if (next[top] == intoStart[v + 1]) {
                    state[v] = 2;
                    top--;
                    continue;
                }
                int edgeIndex = next[top]++;
                StageEdge e = edges.get(edgeIndex);
                int u = e.from();
                if (state[u] == 1) {
                    reportCycle(path, via, lastUse, depthOf[u], top, e);
                } else if (state[u] == 0) {
                    via[top] = edgeIndex;
                    lastUse[top] = e.kind() != EdgeKind.BASE ? top : top > 0 ? lastUse[top - 1] : -1;
                    top++;
                    path[top] = u;
                    next[top] = intoStart[u];
                    state[u] = 1;
                    depthOf[u] = top;
                }
            }
        }
    }

    /** Stages named in a cycle message before the rest are elided. */
    private static final int CYCLE_NAMES = 8;

    /** The cycle path[at..top] closed by {@code e}; one line even for a cycle of thousands of stages. */
    private void reportCycle(int[] path, int[] via, int[] lastUse, int at, int top, StageEdge e) {
        int length = top - at + 2; // the stages on the path from 'at', then e.from() again
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++) {
            if (length > CYCLE_NAMES && k == CYCLE_NAMES / 2) {
                sb.append(" ← … (").append(length - CYCLE_NAMES).append(" more)");
                k = length - CYCLE_NAMES / 2 - 1;
                continue;
            }
            int stage = k < length - 1 ? path[at + k] : e.from();
            sb.append(k == 0 ? "" : " ← ").append(stages.get(stage).displayName());
        }
        // point at a COPY or mount in the cycle when there is one: FROM order is rarely the mistake
        StageEdge blame = e;
        if (e.kind() == EdgeKind.BASE && top > at && lastUse[top - 1] >= at) {
            blame = edges.get(via[lastUse[top - 1]]);
        }
        diagnostics.add(Diagnostic.error("circular dependency: " + sb,
                blame.referenceRange() != null ? blame.referenceRange() : blame.instruction().range()));
    }

    private int resolveTarget() {
        if (stages.isEmpty()) {
            return -1;
        }
        String wanted = options.target();
        if (wanted == null || wanted.isEmpty()) {
            return stages.size() - 1;
        }
        Optional<Integer> i = lookup(lastByName, wanted, stages.size());
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
        int[] work = new int[stages.size()];
        int top = 0;
        work[top++] = target;
        needed.set(target);
        while (top > 0) {
            int v = work[--top];
            for (int k = intoStart[v]; k < intoStart[v + 1]; k++) {
                int u = edges.get(k).from();
                if (!needed.get(u)) {
                    needed.set(u);
                    work[top++] = u;
                }
            }
        }
        return needed;
    }
}
