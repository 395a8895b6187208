package dev.stagecraft.cli;

import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.build.BuildKitBuilder;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineStatus;
import dev.stagecraft.report.BuildOptions;
import dev.stagecraft.report.BuildOutcome;
import dev.stagecraft.report.BuildSession;
import dev.stagecraft.report.BuilderKind;
import dev.stagecraft.report.ByteSize;
import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.SizeReportJson;
import dev.stagecraft.report.SizeReportText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
                "2:no Docker engine, or bad input", "3:the final image is larger than --max-final-size"})
final class BuildCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dockerfile = file != null ? file : context.resolve("Dockerfile");
        if (!Files.isDirectory(context)) {
            throw new ParameterException(spec.commandLine(), "build context " + context + " is not a directory");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new ParameterException(spec.commandLine(), "no Dockerfile at " + dockerfile + " (use -f)");
        }
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
        BuildOptions options = new BuildOptions(context, dockerfile, null, target, buildArgs, kind, noCache, pull,
                platform, tags, labels);
        // while docker-java starts and reaches the engine, load what the build's first moments need
        Thread warm = new Thread(BuildKitBuilder::warmUp, "build-warm-up");
        warm.setDaemon(true);
        warm.start();
        try (Engine engine = Engine.connect(EndpointResolver.system().resolve(), Engine.CLI_HINT)) {
            EngineStatus status = engine.status();
            if (!status.up()) {
                System.err.println("stagecraft: " + status.problem());
                return 2;
            }
            BuildProgress progress = new BuildProgress(System.err, System.console() != null);
            BuildSession session = new BuildSession(engine, options, progress);
            Thread hook = new Thread(session::cancel, "cancel-build");
            Runtime.getRuntime().addShutdownHook(hook);
            BuildOutcome outcome;
            try {
                outcome = session.run();
            } finally {
                progress.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook cancels the build
                }
            }
            if (!outcome.success()) {
                System.err.println("stagecraft: " + outcome.message());
                return 1;
            }
            SizeReport r = outcome.report();
            if (Boolean.getBoolean("stagecraft.timing")) {
                System.err.printf(java.util.Locale.ROOT, "stagecraft: built in %.2f s, size report %.2f s later%n",
                        r.seconds(), outcome.reportSeconds());
            }
            System.out.print(report == Report.json ? SizeReportJson.render(r) : SizeReportText.render(r));
            System.out.flush();
            if (limit != null && r.finalImage().isPresent() && r.finalImage().get().size() > limit) {
                System.err.println("stagecraft: the final image is " + ByteSize.format(r.finalImage().get().size())
                        + ", more than --max-final-size " + maxFinalSize);
                return 3;
            }
            return 0;
        }
    }
}
