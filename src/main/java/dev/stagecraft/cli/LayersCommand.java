package dev.stagecraft.cli;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.engine.EndpointResolver;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.EngineStatus;
import dev.stagecraft.engine.Images;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ImageNotFoundException;
import dev.stagecraft.engine.image.ImageReader;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.LayerAnalysis;
import dev.stagecraft.report.layers.LayerOrigins;
import dev.stagecraft.report.layers.LayersJson;
import dev.stagecraft.report.layers.LayersReport;
import dev.stagecraft.report.layers.LayersText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagecraft layers IMAGE}: what each layer of an image holds, what was wasted, and a CI gate on it. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "Read IMAGE's layers from the Docker engine, file by file: each layer's size (as docker "
                + "history reports it), what it added, modified and removed, the bytes shipped in one layer and "
                + "hidden by a later one (wasted), and the efficiency (visible bytes / all layers' bytes).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report is on stdout", "1:the engine failed or stopped answering during the read",
                "2:no such image, no Docker engine, or bad input",
                "3:--max-wasted or --min-efficiency was crossed"})
final class LayersCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "An image name, tag or id.")
    String image;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = "--files", description = "List every layer's added, modified and removed paths.")
    boolean files;

    @Option(names = "--max-wasted", paramLabel = "SIZE", description = "Exit 3 when more bytes are wasted, e.g. 20MB.")
    String maxWasted;

    @Option(names = "--min-efficiency", paramLabel = "RATIO",
            description = "Exit 3 when the efficiency is lower, e.g. 0.95 or 95%%.")
    String minEfficiency;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE",
            description = "The Dockerfile IMAGE was built from: names each layer's stage and line.")
    Path dockerfile;

    @Option(names = "--target", paramLabel = "STAGE", description = "With -f: the stage IMAGE is (default: the last).")
    String target;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE", description = "With -f: a build-time ARG (repeatable).")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    /** The exit code of the last failed {@link #read}. */
    private int readFailure = 1;

    /** Whether the last failed {@link #read} was cancelled, and whether to say so. */
    private boolean cancelled;
    boolean sayCancelled = true;

    int readFailure() {
        return readFailure;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public Integer call() {
        Long wastedLimit = maxWasted == null ? null : size(spec, "--max-wasted", maxWasted);
        Double efficiencyLimit = minEfficiency == null ? null : ratio(spec, minEfficiency);
        StageGraph graph = dockerfile == null ? null
                : StageGraph.of(DockerfileParser.parse(InputFiles.read(spec, dockerfile)),
                new GraphOptions(target, buildArgs, null));
        try (Engine engine = connect()) {
            if (engine == null) {
                return 2;
            }
            ImageContent content = read(engine, image, ReadControl.plain());
            if (content == null) {
                return readFailure;
            }
            LayersReport report = LayerAnalysis.analyse(content);
            if (graph != null) {
                Images images = new Images(engine);
                report = report.withOrigins(LayerOrigins.of(graph, content, base -> {
                    try {
                        return images.history(base).size();
                    } catch (IOException e) {
                        return 0; // a base the engine does not have: its entries count as the stage's
                    }
                }));
            }
            PrintStream out = System.out;
            out.print(format == Format.json ? LayersJson.render(report, files) : LayersText.render(report, files));
            out.flush();
            int exit = 0;
            if (wastedLimit != null && report.wastedBytes() > wastedLimit) {
                System.err.println("stagecraft: " + ByteSize.format(report.wastedBytes()) + " wasted, more than "
                        + "--max-wasted " + maxWasted);
                exit = 3;
            }
            if (efficiencyLimit != null && report.efficiency() < efficiencyLimit) {
                System.err.printf(Locale.ROOT, "stagecraft: efficiency %.4f, lower than --min-efficiency %s%n",
                        report.efficiency(), minEfficiency);
                exit = 3;
            }
            return exit;
        } catch (IOException e) {
            System.err.println("stagecraft: " + e.getMessage());
            return 1;
        }
    }

    /** The engine, or null after saying on stderr why there is none. */
    static Engine connect() {
        Engine engine = Engine.connect(EndpointResolver.system().resolve(), Engine.CLI_HINT);
        EngineStatus status = engine.status();
        if (!status.up()) {
            System.err.println("stagecraft: " + status.problem());
            try {
                engine.close();
            } catch (IOException e) {
                // nothing was open
            }
            return null;
        }
        return engine;
    }

    /**
     * Reads an image, cancelled by Ctrl+C; null after a one-line message on stderr (exit code in
     * {@link #readFailure}: 2 for no such image, 1 otherwise).
     */
    ImageContent read(Engine engine, String name, ReadControl control) {
        Thread hook = new Thread(control::cancel, "cancel-image-read");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new ImageReader(engine).read(name, control);
        } catch (ImageNotFoundException e) {
            System.err.println("stagecraft: " + e.getMessage());
            readFailure = 2;
        } catch (IOException e) {
            System.err.println("stagecraft: " + e.getMessage());
            readFailure = 1;
        } catch (CancellationException e) {
            if (sayCancelled) {
                System.err.println("stagecraft: cancelled");
            }
            cancelled = true;
            readFailure = 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook cancels the read
            }
        }
        return null;
    }

    static long size(CommandSpec spec, String option, String text) {
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** "0.95", "95%" → 0.95; anything else, or outside 0..1, is bad input. */
    static double ratio(CommandSpec spec, String text) {
        String t = text.strip();
        try {
            double r = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
                    : Double.parseDouble(t);
            if (r >= 0 && r <= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new ParameterException(spec.commandLine(),
                "--min-efficiency: '" + text + "' is not a ratio: write it like 0.95 or 95%");
    }
}
