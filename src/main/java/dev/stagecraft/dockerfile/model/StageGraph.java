package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Diagnostic;
import dev.stagecraft.dockerfile.syntax.Dockerfile;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The stages of a Dockerfile and how they use each other: base, copy and mount edges between
 * stages, external images, the target and the stages it needs (what BuildKit builds).
 * Derived from a {@link Dockerfile}; immutable.
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
        return StageGraphBuilder.lookup(stages, nameOrIndex, stages.size()).map(stages::get);
    }

    /** The stage whose text contains {@code offset}, if any. */
    public Optional<Stage> stageAt(int offset) {
        Stage found = null;
        for (Stage s : stages) {
            if (s.range().start() <= offset) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<StageEdge> edgesInto(int stage) {
        return edges.stream().filter(e -> e.to() == stage).toList();
    }

    public List<StageEdge> edgesFrom(int stage) {
        return edges.stream().filter(e -> e.from() == stage).toList();
    }
}
