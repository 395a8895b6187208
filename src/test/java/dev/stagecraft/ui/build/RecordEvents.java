package dev.stagecraft.ui.build;

import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.testing.DockerEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the events of real builds on the engine as the JSON-lines streams the progress tests
 * replay. Not a test: run it by hand when the builders' events change, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.stagecraft.ui.build.RecordEvents
 * DOCKERFILE_DIR OUT.jsonl buildkit|classic [TARGET]}.
 */
public final class RecordEvents {
    private RecordEvents() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        BuilderKind kind = args[2].equals("classic") ? BuilderKind.CLASSIC : BuilderKind.BUILDKIT;
        String target = args.length > 3 ? args[3] : null;
        List<String> lines = new ArrayList<>();
        try (var engine = DockerEngine.require()) {
            BuildOptions options = BuildOptions.of(dir.resolve("Dockerfile")).withBuilder(kind).withTarget(target);
            MeasuredBuild o = MeasuredBuild.run(new BuildSession(engine, options, (BuildEvent e) -> {
                synchronized (lines) {
                    lines.add(EventStream.line(e));
                }
            }));
            System.err.println("outcome: " + (o.success() ? "built " + o.report().headline() : o.message()));
        }
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
