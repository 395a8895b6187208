package dev.stagecraft.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Stack;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads {@code --build-arg} as {@code docker build} does, into the option's
 * {@code Map<String, String>}: {@code KEY=VALUE} sets KEY (the value may be empty or hold more
 * {@code =}); {@code KEY} alone takes KEY's value from the environment, and is left out when the
 * environment has no KEY, so the ARG keeps its default (checked against Docker 20.10, both
 * builders; a later bare KEY also drops an earlier KEY=VALUE, as docker's map of nil does); an empty name ({@code =v}) is refused with one line. Use it as
 * {@code @Option(names = "--build-arg", parameterConsumer = BuildArgOption.class)}.
 * Stateless; picocli calls it on the parsing thread.
 */
public final class BuildArgOption implements CommandLine.IParameterConsumer {
    private final Function<String, String> environment;

    public BuildArgOption() {
        this(System::getenv);
    }

    BuildArgOption(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        if (args.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--build-arg needs KEY=VALUE (or KEY to take its value from the environment)");
        }
        String arg = args.pop();
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        if (name.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--build-arg '" + arg
                    + "': the name before '=' is empty; use KEY=VALUE, or KEY alone to take its value"
                    + " from the environment");
        }
        String value = eq < 0 ? environment.apply(name) : arg.substring(eq + 1);
        Map<String, String> map = argSpec.getValue();
        if (map == null) {
            map = new LinkedHashMap<>();
            argSpec.setValue(map);
        }
        if (value != null) {
            map.put(name, value);
        } else {
            map.remove(name); // as docker: a later bare KEY the environment lacks unsets an earlier KEY=VALUE
        }
    }
}
