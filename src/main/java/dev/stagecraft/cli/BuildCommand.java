package dev.stagecraft.cli;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineStatus;
import dev.stagecraft.engine.build.BuildHandle;
import dev.stagecraft.engine.build.BuildKitBuilder;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.layers.BuildLayersJson;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.report.SizeReportText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stagecraft build CONTEXT}: build on the Docker engine and report every stage's size. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build CONTEXT on the Docker engine (BuildKit or the classic builder), then report the size "
                + "of every stage the target needs, its layers, the bytes each COPY --from carried, and the final "
                + "image against the largest builder stage. Progress goes to stderr, the report to stdout.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built; the report is on stdout", "1:the build failed (stderr names the Dockerfile line)",
                "2:bad input (nothing was sent), or no Docker engine (none answers, or it went away)",
                "3:the final image is larger than --max-final-size, or wastes more than --max-wasted"})
final class BuildCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(BuildCommand.class.getName());

    enum Report { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONTEXT", description = "The build context directory.")
    Path context;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "The Dockerfile (default: CONTEXT/Dockerfile).")
    Path file;

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (name or index; default: the last).")
    String target;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE", parameterConsumer = BuildArgOption.class,
            description = "Set a build-time ARG (repeatable); KEY alone takes its value from the environment.")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--builder", paramLabel = "BUILDER", defaultValue = "buildkit",
            description = "buildkit (default) or classic.")
    String builder;

    @Option(names = "--no-cache", description = "Do not use the build cache.")
    boolean noCache;

    @Option(names = "--pull", description = "Always pull newer base images.")
    boolean pull;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]", description = "Tag the final image (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Set an image label (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Target platform.")
    String platform;

    @Option(names = "--report", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Report report;

    @Option(names = "--max-final-size", paramLabel = "SIZE",
            description = "Exit 3 when the final image is larger, e.g. 50MB, 1.5GB, 500kB.")
    String maxFinalSize;

    @Option(names = "--max-wasted", paramLabel = "SIZE",
            description = "Exit 3 when the final image ships more than SIZE of bytes a later layer hides "
                    + "(written, then deleted or overwritten), e.g. 20MB.")
    String maxWasted;

    @Override
    public Integer call() throws InterruptedException {
        // everything that can be checked without the engine is checked first: nothing is sent for bad input
        if (!Files.isDirectory(context)) {
            throw new ParameterException(spec.commandLine(), Files.exists(context)
                    ? "build context " + context + " is a file, not a folder" : "build context " + context
                    + " does not exist");
        }
        if (!Files.isReadable(context) || !Files.isExecutable(context)) {
            throw new ParameterException(spec.commandLine(), "can't read the build context: open " + context
                    + ": permission denied");
        }
        Path dockerfile = file != null ? file : context.resolve("Dockerfile");
        if (file == null && Files.notExists(dockerfile)) {
            throw new ParameterException(spec.commandLine(), "no Dockerfile at " + dockerfile + " (use -f)");
        }
        String text = InputFiles.read(spec, dockerfile);
        BuilderKind kind = switch (builder.toLowerCase(java.util.Locale.ROOT)) {
            case "buildkit" -> BuilderKind.BUILDKIT;
            case "classic" -> BuilderKind.CLASSIC;
            default -> throw new ParameterException(spec.commandLine(), "--builder is buildkit or classic, not " + builder);
        };
        Long limit = null;
        if (maxFinalSize != null) {
            try {
                limit = ByteSize.parse(maxFinalSize);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--max-final-size: " + e.getMessage());
            }
        }
        Long wastedLimit = null;
        if (maxWasted != null) {
            try {
                wastedLimit = ByteSize.parse(maxWasted);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--max-wasted: " + e.getMessage());
            }
        }
        BuildOptions options = new BuildOptions(context, dockerfile, null, target, buildArgs, kind, noCache, pull,
                platform, tags, labels);
        Optional<String> problem = BuildSession.inputProblem(BuildSession.graphOf(text, options), target);
        if (problem.isPresent()) {
            throw new ParameterException(spec.commandLine(), problem.get());
        }
        try {
            return build(options, limit, wastedLimit);
        } catch (RuntimeException e) {
            // a defect, not the user's input: one line here, the trace in the log (DEBUG: the JDK's default
            // console handler would print a WARNING's trace on stderr)
            LOG.log(System.Logger.Level.DEBUG, "stagecraft build failed unexpectedly", e);
            System.err.println("stagecraft: the build stopped on an internal error: " + Engine.reason(e));
            return 1;
        }
    }

    private int build(BuildOptions options, Long limit, Long wastedLimit) throws InterruptedException {
        // while docker-java starts and reaches the engine, load what the build's first moments need
        Thread warm = new Thread(BuildKitBuilder::warmUp, "build-warm-up");
        warm.setDaemon(true);
        warm.start();
        Engine engine = Engine.connect(EndpointResolver.system().resolve(), Engine.CLI_HINT);
        try {
            EngineStatus status = engine.status();
            if (!status.up()) {
                System.err.println("stagecraft: " + status.problem());
                return InputFiles.EXIT_BAD_INPUT;
            }
            BuildProgress progress = new BuildProgress(System.err, System.console() != null);
            BuildSession session = new BuildSession(engine, options, progress);
            // Ctrl+C: stop the build on the engine before the JVM goes
            Thread hook = new Thread(() -> awaitCancel(session), "cancel-build");
            Runtime.getRuntime().addShutdownHook(hook);
            MeasuredBuild outcome;
            try {
                outcome = MeasuredBuild.run(session);
            } finally {
                progress.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    LOG.log(System.Logger.Level.DEBUG, "shutting down already: the hook cancels the build");
                }
            }
            if (!outcome.success()) {
                System.err.println("stagecraft: " + outcome.message());
                return exitCode(outcome.status());
            }
            SizeReport r = outcome.report();
            if (Boolean.getBoolean("stagecraft.timing")) {
                System.err.printf(java.util.Locale.ROOT, "stagecraft: built in %.2f s, size report %.2f s later%n",
                        r.seconds(), outcome.reportSeconds());
            }
            Map<Integer, LayersReport> layers = Map.of();
            if (report == Report.json || wastedLimit != null) {
                try {
                    layers = BuildLayers.read(engine, r, report == Report.json);
                } catch (IOException e) { // ImageNotFoundException too: an image pruned right after the build
                    System.err.println("stagecraft: built, but can't read the images' layers: " + e.getMessage());
                    return 1;
                } catch (CancellationException e) {
                    System.err.println("stagecraft: reading the images' layers was cancelled");
                    return 1;
                }
            }
            System.out.print(report == Report.json ? BuildLayersJson.render(r, layers) : SizeReportText.render(r));
            System.out.flush();
            LayersReport fin = layers.get(r.finalStage());
            if (wastedLimit != null && fin != null && fin.wastedBytes() > wastedLimit) {
                System.err.println("stagecraft: the final image wastes " + ByteSize.format(fin.wastedBytes())
                        + ", more than --max-wasted " + maxWasted + " (stagecraft layers IMAGE lists the paths)");
                return 3;
            }
            if (limit != null && r.finalImage().isPresent() && r.finalImage().get().size() > limit) {
                System.err.println("stagecraft: the final image is " + ByteSize.format(r.finalImage().get().size())
                        + ", more than --max-final-size " + maxFinalSize);
                return 3;
            }
            return 0;
        } finally {
            try {
                engine.close();
            } catch (IOException e) {
                // the build is over either way: its exit code stands
                LOG.log(System.Logger.Level.DEBUG, "closing the engine connection failed", e);
            }
        }
    }

    /** Exit codes by how the build ended: 2 for bad input or no engine, 1 for a failed or cancelled build. */
    static int exitCode(BuildOutcome.Status status) {
        switch (status) {
            case SUCCEEDED:
                return 0;
            case REFUSED:
            case ENGINE_LOST:
                return InputFiles.EXIT_BAD_INPUT;
            default:
                return 1;
        }
    }

    private static void awaitCancel(BuildSession session) {
        try {
            session.cancel().get(BuildHandle.CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "the build had not stopped when the JVM exited", e);
        }
    }
}
