package dev.stagecraft.report;

import dev.stagecraft.dockerfile.edit.TextEdit;
import dev.stagecraft.dockerfile.model.BuildKitRequirement;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.Images;
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
import dev.stagecraft.dockerfile.DockerfileFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build from the user's point of view: check the Dockerfile suits the builder, stream the
 * context, build the target, get an image for every stage the target needs, and measure them.
 * {@link #run} blocks (call it off the FX thread); {@link #cancel} may come from any thread.
 */
public final class BuildSession {
    /** Names given to unnamed stages in the copy sent for per-stage builds (BuildKit targets names only). */
    static final String UNNAMED_PREFIX = "stagecraft-stage-";

    private final Engine engine;
    private final BuildOptions options;
    private final BuildListener listener;
    private volatile BuildHandle current;
    private volatile boolean cancelled;

    public BuildSession(Engine engine, BuildOptions options, BuildListener listener) {
        this.engine = engine;
        this.options = options;
        this.listener = listener == null ? BuildListener.none() : listener;
    }

    /** The graph of what will be built: the text as edited (or as saved) with the options' target and args. */
    public StageGraph graph() throws IOException {
        String text = options.text();
        if (text == null) {
            try {
                text = DockerfileFile.read(options.dockerfile());
            } catch (DockerfileFile.Unreadable e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return StageGraph.of(DockerfileParser.parse(text),
                new GraphOptions(options.target(), options.buildArgs(), options.platform()));
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

    public BuildOutcome run() throws IOException, InterruptedException {
        StageGraph graph = graph();
        if (graph.stages().isEmpty()) {
            return new BuildOutcome(null, null, "the Dockerfile has no stage (no FROM)", null);
        }
        if (options.builder() == BuilderKind.CLASSIC) {
            String refusal = classicRefusal(graph);
            if (refusal != null) {
                Integer line = BuildKitRequirement.of(graph.tree()).get(0).line();
                return new BuildOutcome(null, null, refusal, line);
            }
        }
        BuildContext context = BuildContext.of(options.context(), options.dockerfile());
        listener.accept(new BuildEvent.Context(context.directory().toString(), context.fileCount(), context.size(),
                context.warning(ByteSize::format).orElse(null)));
        String sentName = context.dockerfileName();
        TarSource base = context::stream;
        TarSource tar = options.text() == null ? base : new ContextWithFile(base, sentName, options.text());
        ImageBuilder builder = options.builder() == BuilderKind.CLASSIC
                ? new ClassicBuilder(engine.docker()) : new BuildKitBuilder(engine.http());
        Stage target = graph.stages().get(graph.target());
        String namedText = withNamedStages(graph);
        TarSource named = new ContextWithFile(base, sentName, namedText);
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
                            listener);
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
            return new BuildOutcome(result, null, "build cancelled", null);
        }
        String targetLabel = target.name() != null ? target.name() : Integer.toString(target.index());
        SizeReport report = new SizeMeasurement(new Images(engine)).measure(graph, stageImages, result.imageId(),
                targetLabel, options.builder().label(), result.seconds());
        return new BuildOutcome(result, report, null, null, (System.nanoTime() - built) / 1e9);
    }

    private BuildResult await(BuildHandle handle) throws InterruptedException {
        current = handle;
        if (cancelled) {
            handle.cancel();
        }
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    private BuildOutcome failed(StageGraph graph, BuildResult result) {
        if (result.cancelled() || cancelled) {
            return new BuildOutcome(result, null, "build cancelled", null);
        }
        String error = result.error() == null ? "build failed" : result.error().strip();
        if (result.failedStep() == null) {
            return new BuildOutcome(result, null, error, null);
        }
        Optional<Instruction> at = FailureLocator.locate(graph, options.builder(), result.failedStep());
        if (at.isEmpty()) {
            return new BuildOutcome(result, null, "build failed in " + result.failedStep().instruction() + ": " + error,
                    null);
        }
        Instruction ins = at.get();
        String name = options.dockerfile().getFileName().toString();
        return new BuildOutcome(result, null, "build failed at " + name + ":" + ins.line() + " ("
                + ins.keyword() + " " + shorten(ins.arguments()) + "): " + error, ins.line());
    }

    /** Stops the running build (within 2 s) and any per-stage builds after it. */
    public void cancel() {
        cancelled = true;
        BuildHandle h = current;
        if (h != null) {
            h.cancel();
        }
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
        return edits.isEmpty() ? text : dev.stagecraft.dockerfile.edit.EditPlan.apply(text, edits);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 59) + "…";
    }
}
