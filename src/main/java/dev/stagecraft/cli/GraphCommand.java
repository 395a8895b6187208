package dev.stagecraft.cli;

import dev.stagecraft.diagram.GraphDiagrams;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.model.UnknownTarget;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagecraft graph FILE}: the stage graph as JSON, DOT or Mermaid. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the stage graph of FILE: stages, edges (base, copy, mount), external images, "
                + "the target and the stages it needs, and diagnostics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the graph was printed (even if FILE has errors, unless --strict)",
                "1:--strict and FILE has errors",
                "2:FILE can't be read as a Dockerfile, no stage answers to --target, or bad options"})
final class GraphCommand implements Callable<Integer> {
    enum Format { json, dot, mermaid }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile.")
    Path file;

    @Option(names = "--target", paramLabel = "NAME|INDEX", description = "The stage to build (default: the last).")
    String target;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE", parameterConsumer = BuildArgOption.class,
            description = "Set a build-time ARG (repeatable); KEY alone takes its value from the environment.")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Target platform for TARGETOS, TARGETARCH, ... (default: this machine's).")
    String platform;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default), dot (Graphviz) or mermaid.")
    Format format;

    @Option(names = "--strict", description = "Exit 1 when FILE has errors.")
    boolean strict;

    @Override
    public Integer call() {
        String text = InputFiles.read(spec, file);
        StageGraph graph = StageGraph.of(DockerfileParser.parse(text), new GraphOptions(target, buildArgs, platform));
        // as docker build: a --target no stage answers to is an error, not the last stage
        UnknownTarget.check(graph, target).ifPresent(message -> {
            throw new ParameterException(spec.commandLine(), message);
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> GraphJson.render(file.toString(), graph);
            case dot -> GraphDiagrams.dot(graph);
            case mermaid -> GraphDiagrams.mermaid(graph);
        });
        out.flush();
        if (format != Format.json) {
            PrintWriter err = spec.commandLine().getErr();
            GraphProblems.of(graph).forEach(p -> err.println(file + ":" + p.text()));
            err.flush();
        }
        return strict && graph.hasErrors() ? 1 : 0;
    }
}
