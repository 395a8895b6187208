package dev.stagecraft.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.testing.DockerEngine;
import dev.stagecraft.ui.build.StepState;
import dev.stagecraft.ui.build.StepStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9, finding 3: Stagecraft's own state never lands in the build context. A user opens a
 * Dockerfile whose stage copies its whole folder, builds, drags a node (which Stagecraft
 * remembers), builds again: the second build is cached throughout, the folder holds only the
 * user's files, and the context that reached the engine is the one `docker build` sends.
 */
@Tag("docker")
class ContextUntouchedTest extends WindowTestBase {
    private static final String DOCKERFILE = """
            FROM stagecraft-test/busybox AS base
            COPY . /ctx
            RUN echo "LIST""ING: $(ls -A /ctx | tr '\\n' ' ')"
            FROM base
            RUN test -e /ctx/app.txt
            """; // "LIST""ING" so that only the command's output, not its text in the log, says LISTING

    @TempDir
    Path project;

    @Test
    void draggingANodeBetweenBuildsKeepsEveryStepCachedAndTheFolderAsItWas() throws Exception {
        DockerEngine.require().close();
        // a command of its own, so the first build runs it (and lists the context) however warm the engine's cache
        Path dockerfile = Files.writeString(project.resolve("Dockerfile"),
                DOCKERFILE.replace("| tr '\\n' ' ')\"", "| tr '\\n' ' ')\" # run " + System.nanoTime()));
        assertTrue(Files.readString(dockerfile).contains("# run "), "the command was made unique");
        Files.writeString(project.resolve("app.txt"), "the app\n");
        List<String> userFiles = listing(project);
        assertTrue(open(dockerfile));

        MeasuredBuild first = buildFromTheTab();
        assertTrue(first.success(), first.message());
        String sent = window.builds().buildModel().log().stream().filter(l -> l.contains("LISTING: "))
                .map(l -> l.substring(l.indexOf("LISTING: ")).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no listing in " + window.builds().buildModel().log()));
        assertEquals(cliListing(), sent, "the context Stagecraft sent is the one docker build sends");

        Path states = config.resolve("state").resolve("documents");
        String stateBefore = stateFiles(states);
        Node node = lookup(".stage-node").nth(0).query();
        drag(node.localToScreen(30, 30), MouseButton.PRIMARY).moveBy(160, 90).drop();
        waitUntil(() -> !stateFiles(states).equals(stateBefore), 10); // the moved node is remembered, elsewhere
        assertEquals(userFiles, listing(project), "nothing of Stagecraft's beside the Dockerfile");

        MeasuredBuild second = buildFromTheTab();
        assertTrue(second.success(), second.message());
        List<StepStatus> steps = window.builds().buildModel().steps();
        List<StepStatus> work = steps.stream().filter(s -> s.instruction().startsWith("COPY")
                || s.instruction().startsWith("RUN")).toList();
        assertEquals(3, work.size(), steps.toString());
        assertTrue(work.stream().allMatch(s -> s.state() == StepState.CACHED),
                "the drag invalidated no layer: " + work);
        assertEquals(userFiles, listing(project));
    }

    /** What `docker build` (the classic builder of the Docker CLI) sends from the same folder. */
    private String cliListing() throws IOException, InterruptedException {
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        ProcessBuilder pb = new ProcessBuilder(docker, "build", "--no-cache", "--rm", project.toString())
                .redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out.lines().filter(l -> l.startsWith("LISTING: ")).map(String::strip).findFirst()
                .orElseThrow(() -> new AssertionError("docker build printed no listing:\n" + out));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The per-document state files' contents, as one string. */
    private static String stateFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                try {
                    sb.append(Files.readString(p));
                } catch (IOException e) {
                    sb.append("(being replaced)"); // renamed over while listed: the next poll reads the new one
                }
            }
        } catch (IOException e) {
            return "";
        }
        return sb.toString();
    }

    private MeasuredBuild buildFromTheTab() {
        interact(() -> window.bottomTabs().getSelectionModel().select(window.builds().buildTab()));
        waitUntil(() -> !lookup("#build-button").query().isDisabled(), 15);
        clickOn("#build-button");
        waitUntil(() -> window.builds().buildModel().runningProperty().get()
                || window.builds().buildModel().outcomeProperty().get() != null, 5);
        waitUntil(() -> window.builds().buildModel().outcomeProperty().get() != null, 120);
        WaitForAsyncUtils.waitForFxEvents();
        return window.builds().buildModel().outcomeProperty().get();
    }
}
