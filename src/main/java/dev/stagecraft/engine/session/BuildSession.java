package dev.stagecraft.engine.session;

import dev.stagecraft.dockerfile.DockerfileFile;
import dev.stagecraft.dockerfile.edit.EditPlan;
import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.dockerfile.model.BuildKitRequirement;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.model.UnknownTarget;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.BuildFailedException;
import dev.stagecraft.engine.build.BuildHandle;
import dev.stagecraft.engine.build.BuildKitBuilder;
import dev.stagecraft.engine.build.BuildListener;
import dev.stagecraft.engine.build.BuildRequest;
import dev.stagecraft.engine.build.BuildResult;
import dev.stagecraft.engine.build.ClassicBuilder;
import dev.stagecraft.engine.build.ContextWithFile;
import dev.stagecraft.engine.build.ImageBuilder;
import dev.stagecraft.engine.build.StageImages;
import dev.stagecraft.engine.build.TarSource;
import dev.stagecraft.engine.context.BuildContext;
import dev.stagecraft.engine.session.BuildOutcome.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One build from the user's point of view, from the Dockerfile to an image for every stage the
 * target needs: check the input before anything is sent (the Dockerfile can be read, the target
 * exists, the classic builder can take the file, the context can be listed), stream the context,
 * build the target, then build each other needed stage from the cache. {@link #run} blocks (call
 * it off the FX thread); {@link #cancel} returns at once, from any thread.
 */
public final class BuildSession {
    /** Names given to unnamed stages in the copy sent for per-stage builds (BuildKit targets names only). */
    public static final String UNNAMED_PREFIX = "stagecraft-stage-";

    private final Engine engine;
    private final BuildOptions options;
    private final BuildListener listener;
    private final CompletableFuture<BuildOutcome> ended = new CompletableFuture<>();
    private volatile BuildHandle current;
    private volatile boolean cancelled;

    public BuildSession(Engine engine, BuildOptions options, BuildListener listener) {
        this.engine = engine;
        this.options = options;
        this.listener = listener == null ? BuildListener.none() : listener;
    }

    public Engine engine() {
        return engine;
    }

    public BuildOptions options() {
        return options;
    }

    /**
     * The graph of what will be built: the text as edited (or as saved) with the options' target
     * and args. Reads the Dockerfile when there is no edited text (blocking).
     */
    public StageGraph graph() throws DockerfileFile.Unreadable {
        String text = options.text() != null ? options.text() : DockerfileFile.read(options.dockerfile());
        return graphOf(text, options);
    }

    /** The graph of {@code text} with the options' target, args and platform. Pure. */
    public static StageGraph graphOf(String text, BuildOptions options) {
        return StageGraph.of(DockerfileParser.parse(text),
                new GraphOptions(options.target(), options.buildArgs(), options.platform()));
    }

    /**
     * Why {@code graph} can't be built for {@code target}, in one line, before anything is sent:
     * no stage, or a target no stage answers to (the message names the stages and the nearest
     * name, as {@code docker build} refuses such a target instead of building the last stage).
     */
    public static Optional<String> inputProblem(StageGraph graph, String target) {
        if (graph.stages().isEmpty()) {
            return Optional.of("the Dockerfile has no stage (no FROM)");
        }
        return UnknownTarget.check(graph, target);
    }

    /** Why the classic builder can't take this Dockerfile (null if it can). */
    public static String classicRefusal(StageGraph graph) {
        List<BuildKitRequirement> needs = BuildKitRequirement.of(graph.tree());
        if (needs.isEmpty()) {
            return null;
        }
        BuildKitRequirement first = needs.get(0);
        return "the classic builder can't build this Dockerfile: " + first.message()
                + (needs.size() > 1 ? " (and " + (needs.size() - 1) + " more)" : "") + " — build with BuildKit";
    }

    /**
     * Runs the session; every way it can end is an outcome, never an exception (interrupting the
     * caller cancels the build and is rethrown).
     */
    public BuildOutcome run() throws InterruptedException {
        BuildOutcome outcome = null;
        try {
            outcome = runChecked();
            return outcome;
        } finally {
            ended.complete(outcome != null ? outcome : BuildOutcome.cancelled(null));
        }
    }

    private BuildOutcome runChecked() throws InterruptedException {
        String text;
        try {
            text = options.text() != null ? options.text() : DockerfileFile.read(options.dockerfile());
        } catch (DockerfileFile.Unreadable e) {
            return BuildOutcome.refused(e.getMessage());
        }
        StageGraph graph = graphOf(text, options);
        Optional<String> problem = inputProblem(graph, options.target());
        if (problem.isPresent()) {
            return BuildOutcome.refused(problem.get());
        }
        if (options.builder() == BuilderKind.CLASSIC) {
            String refusal = classicRefusal(graph);
            if (refusal != null) {
                Integer line = BuildKitRequirement.of(graph.tree()).get(0).line();
                return BuildOutcome.ended(Status.FAILED, null, refusal, line);
            }
        }
        BuildContext context;
        try {
            context = BuildContext.of(options.context(), options.dockerfile());
        } catch (IOException e) {
            return BuildOutcome.refused(e.getMessage());
        }
        listener.accept(new BuildEvent.Context(context.directory().toString(), context.fileCount(), context.size(),
                context.warning(ByteSize::format).orElse(null)));
        if (cancelled) {
            return BuildOutcome.cancelled(null);
        }
        String sentName = context.dockerfileName();
        TarSource base = context::stream;
        TarSource tar = options.text() == null ? base : new ContextWithFile(base, sentName, options.text());
        ImageBuilder builder = options.builder() == BuilderKind.CLASSIC
                ? new ClassicBuilder(engine) : new BuildKitBuilder(engine);
        Stage target = graph.stages().get(graph.target());
        TarSource named = new ContextWithFile(base, sentName, withNamedStages(graph));
        boolean lastStage = target.index() == graph.stages().size() - 1;
        BuildRequest request = BuildRequest.of(sentName).withBuildArgs(options.buildArgs()).withNoCache(options.noCache())
                .withPull(options.pull()).withPlatform(options.platform()).withTags(options.tags())
                .withLabels(options.labels());
        BuildRequest main = target.name() != null ? request.withTarget(target.name())
                : lastStage ? request : request.withTarget(UNNAMED_PREFIX + target.index());
        BuildResult result = await(builder.start(main, target.name() != null || lastStage ? tar : named, listener));
        if (!result.success()) {
            return failed(graph, result);
        }
        long built = System.nanoTime();
        Map<Integer, String> stageImages = new HashMap<>(result.stageImages());
        stageImages.put(target.index(), result.imageId());
        if (options.builder() == BuilderKind.BUILDKIT) {
            List<String> others = new ArrayList<>();
            for (int i : graph.needed()) {
                if (i != target.index()) {
                    others.add(stageName(graph.stages().get(i)));
                }
            }
            if (!cancelled && !others.isEmpty()) {
                try {
                    // the target's build just filled the cache: per-stage builds are served from it even with --no-cache
                    Map<String, String> byName = StageImages.build(builder, request.withNoCache(false), others, named,
                            listener, this::track);
                    for (int i : graph.needed()) {
                        String id = byName.get(stageName(graph.stages().get(i)));
                        if (id != null) {
                            stageImages.put(i, id);
                        }
                    }
                } catch (BuildFailedException e) {
                    return failed(graph, e.result());
                }
            }
        }
        if (cancelled) {
            return BuildOutcome.cancelled(result);
        }
        return new BuildOutcome(Status.SUCCEEDED, result, null, null, graph, stageImages,
                (System.nanoTime() - built) / 1e9);
    }

    private void track(BuildHandle handle) {
        current = handle;
        if (cancelled) {
            handle.cancelInBackground();
        }
    }

    private BuildResult await(BuildHandle handle) throws InterruptedException {
        track(handle);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancelInBackground();
            throw e;
        }
    }

    private BuildOutcome failed(StageGraph graph, BuildResult result) {
        if (result.cancelled() || cancelled) {
            return BuildOutcome.cancelled(result);
        }
        String error = result.error() == null ? "build failed" : result.error().strip();
        if (result.engineLost()) {
            return BuildOutcome.ended(Status.ENGINE_LOST, result, error, null);
        }
        if (result.failedStep() == null) {
            return BuildOutcome.ended(Status.FAILED, result, error, null);
        }
        Optional<Instruction> at = FailureLocator.locate(graph, options.builder(), result.failedStep());
        if (at.isEmpty()) {
            return BuildOutcome.ended(Status.FAILED, result,
                    "build failed in " + result.failedStep().instruction() + ": " + error, null);
        }
        Instruction ins = at.get();
        String name = options.dockerfile().getFileName().toString();
        return BuildOutcome.ended(Status.FAILED, result, "build failed at " + name + ":" + ins.line() + " ("
                + ins.keyword() + " " + shorten(ins.arguments()) + "): " + error, ins.line());
    }

    /**
     * Stops the session and returns at once: the build that runs is cancelled in the background
     * (within 2 s on an engine that answers) and no per-stage build starts after it. The future
     * completes with the session's outcome once {@link #run} has returned.
     */
    public CompletableFuture<BuildOutcome> cancel() {
        cancelled = true;
        BuildHandle h = current;
        if (h != null) {
            h.cancelInBackground();
        }
        return ended.copy();
    }

    static String stageName(Stage s) {
        return s.name() != null ? s.name() : UNNAMED_PREFIX + s.index();
    }

    /** The Dockerfile with every unnamed stage named, so each can be a BuildKit target. */
    private static String withNamedStages(StageGraph graph) {
        String text = graph.tree().source();
        List<TextEdit> edits = new ArrayList<>();
        for (Stage s : graph.stages()) {
            if (s.name() == null && s.baseRange() != null) {
                edits.add(TextEdit.insert(s.baseRange().end(), " AS " + UNNAMED_PREFIX + s.index()));
            }
        }
        return edits.isEmpty() ? text : EditPlan.apply(text, edits);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 59) + "…";
    }
}
