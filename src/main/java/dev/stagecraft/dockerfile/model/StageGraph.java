package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stages of a Dockerfile and how they use each other: base, copy and mount edges between
 * stages, external images, the target and the stages it needs (what BuildKit builds).
 * Derived from a {@link Dockerfile}; immutable, so safe to share between threads. Lookups by
 * name, offset and stage are indexed (a file of 50,000 stages is answered as fast as one of 5).
 */
public final class StageGraph {
    private final Dockerfile tree;
    private final GraphOptions options;
    private final List<Stage> stages;
    private final List<StageEdge> edges;
    private final List<ExternalImage> external;
    private final List<ArgDeclaration> args;
    private final int target;
    private final BitSet needed;
    private final List<Diagnostic> diagnostics;
    /** The last stage of each (lower-case) name: what a reference by name means. */
    private final Map<String, Integer> lastByName;
    /** Where each stage starts in the text, ascending. */
    private final int[] starts;
    /** Edges into / out of each stage, each list in the order of {@link #edges()}. */
    private final List<List<StageEdge>> into;
    private final List<List<StageEdge>> from;

    StageGraph(Dockerfile tree, GraphOptions options, List<Stage> stages, List<StageEdge> edges,
               List<ExternalImage> external, List<ArgDeclaration> args, int target, BitSet needed,
               List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.options = options;
        this.stages = List.copyOf(stages);
        this.edges = List.copyOf(edges);
        this.external = List.copyOf(external);
        this.args = List.copyOf(args);
        this.target = target;
        this.needed = needed;
        this.diagnostics = List.copyOf(diagnostics);
        int n = this.stages.size();
        this.lastByName = new HashMap<>(Math.max(16, n * 2));
        this.starts = new int[n];
        for (Stage s : this.stages) {
            if (s.name() != null) {
                lastByName.put(s.name(), s.index());
            }
            starts[s.index()] = s.range().start();
        }
        this.into = byStage(n, true);
        this.from = byStage(n, false);
    }

    private List<List<StageEdge>> byStage(int n, boolean byTo) {
        List<List<StageEdge>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(List.of());
        }
        List<List<StageEdge>> building = new ArrayList<>(lists);
        for (StageEdge e : edges) {
            int stage = byTo ? e.to() : e.from();
            List<StageEdge> l = building.get(stage);
            if (l.isEmpty()) {
                l = new ArrayList<>(2);
                building.set(stage, l);
            }
            l.add(e);
        }
        for (int i = 0; i < n; i++) {
            List<StageEdge> l = building.get(i);
            if (!l.isEmpty()) {
                lists.set(i, java.util.Collections.unmodifiableList(l));
            }
        }
        return lists;
    }

    /** Parses {@code text} and builds its graph with default options. */
    public static StageGraph parse(String text) {
        return of(DockerfileParser.parse(text), GraphOptions.DEFAULT);
    }

    public static StageGraph of(Dockerfile tree, GraphOptions options) {
        return new StageGraphBuilder(tree, options).build();
    }

    /** The same Dockerfile seen with other options (target, build args, platform). */
    public StageGraph with(GraphOptions newOptions) {
        return of(tree, newOptions);
    }

    public Dockerfile tree() {
        return tree;
    }

    public GraphOptions options() {
        return options;
    }

    public List<Stage> stages() {
        return stages;
    }

    public List<StageEdge> edges() {
        return edges;
    }

    public List<ExternalImage> external() {
        return external;
    }

    /** Every ARG, meta ARGs first, in file order. */
    public List<ArgDeclaration> args() {
        return args;
    }

    /** Index of the target stage; -1 when there is no stage. */
    public int target() {
        return target;
    }

    /** Indexes of the stages the target needs, itself included, ascending. */
    public List<Integer> needed() {
        return needed.stream().boxed().toList();
    }

    public boolean isNeeded(int stage) {
        return needed.get(stage);
    }

    /** Syntax and graph diagnostics, in text order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.stagecraft.dockerfile.syntax.Severity.ERROR);
    }

    /** The stage a name (case-insensitive, the last stage of that name) or an index refers to. */
    public Optional<Stage> find(String nameOrIndex) {
        return StageGraphBuilder.lookup(lastByName, nameOrIndex, stages.size()).map(stages::get);
    }

    /**
     * The stage whose text contains {@code offset}, if any: the last stage starting at or before
     * it (the text after a stage's last instruction, up to the next FROM, counts as that stage's).
     */
    public Optional<Stage> stageAt(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(stages.get(found));
    }

    /** The edges into {@code stage} (what it uses), in the order of {@link #edges()}; empty for no such stage. */
    public List<StageEdge> edgesInto(int stage) {
        return stage >= 0 && stage < into.size() ? into.get(stage) : List.of();
    }

    /** The edges out of {@code stage} (who uses it), in the order of {@link #edges()}; empty for no such stage. */
    public List<StageEdge> edgesFrom(int stage) {
        return stage >= 0 && stage < from.size() ? from.get(stage) : List.of();
    }
}
