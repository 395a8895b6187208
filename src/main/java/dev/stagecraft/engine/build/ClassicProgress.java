package dev.stagecraft.engine.build;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the classic builder's text ({@code Step N/M : ...}, {@code  ---> <id>}, the steps' output)
 * into {@link BuildEvent}s, and keeps each stage's last image: a stage starts at each FROM step,
 * and every {@code  ---> <id>} after a step is the image that step made. Steps are named like
 * BuildKit's: the stage's {@code AS} name, else {@code stage-N}; the step numbers count the whole
 * file. Not thread-safe: one per build, fed in stream order.
 */
final class ClassicProgress {
    private static final Pattern STEP = Pattern.compile("Step (\\d+)/(\\d+) : (.*)", Pattern.DOTALL);
    private static final Pattern ARROW = Pattern.compile(" ---> ?(.*)");
    private static final Pattern IMAGE = Pattern.compile("[0-9a-f]{12,64}|sha256:[0-9a-f]{64}");
    private static final Pattern FROM = Pattern.compile("(?i)FROM\\s.*");
    private static final Pattern AS_NAME = Pattern.compile("(?i)FROM\\s+.*\\s+AS\\s+(\\S+)\\s*");

    private final BuildListener listener;
    private final LogTail lines = new LogTail();
    private final Map<Integer, String> stageImages = new HashMap<>();
    private int stageIndex = -1;
    private String stage;
    private Current current;
    private BuildEvent.StepFailed failure;
    private volatile String container;

    private static final class Current {
        final int step;
        final int total;
        final String instruction;
        final String vertex;
        final long startNanos = System.nanoTime();
        final LogTail tail = new LogTail();
        boolean cached;
        boolean announced;
        boolean ended;

        Current(int step, int total, String instruction) {
            this.step = step;
            this.total = total;
            this.instruction = instruction;
            this.vertex = "step-" + step;
        }
    }

    ClassicProgress(BuildListener listener) {
        this.listener = listener;
    }

    /** A chunk of the stream's text; complete lines are handled at once. */
    void text(String chunk) {
        for (String line : lines.add(chunk)) {
            line(line);
        }
    }

    /** The build failed: the running step, if any, failed with this error. */
    void failed(String error) {
        flush();
        announce();
        if (current != null && !current.ended) {
            current.ended = true;
            failure = new BuildEvent.StepFailed(stage, current.step, current.total, current.instruction,
                    current.vertex, error, current.tail.lines());
            listener.accept(failure);
        }
    }

    /** Handles a last line that had no newline. */
    void flush() {
        String rest = lines.flush();
        if (rest != null) {
            line(rest);
        }
    }

    Map<Integer, String> stageImages() {
        return Map.copyOf(stageImages);
    }

    /** The container of the RUN step that runs now, if one does; read from any thread. */
    String runningContainer() {
        return container;
    }

    BuildEvent.StepFailed failure() {
        return failure;
    }

    private void line(String line) {
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            startStep(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)), step.group(3).strip());
            return;
        }
        Matcher arrow = ARROW.matcher(line);
        if (arrow.matches() && current != null) {
            String what = arrow.group(1).strip();
            if (what.equals("Using cache")) {
                current.cached = true;
                return;
            }
            announce();
            if (what.startsWith("[Warning]")) {
                listener.accept(new BuildEvent.Warning(what.substring("[Warning]".length()).strip(), OptionalInt.empty()));
            } else if (what.isEmpty() || IMAGE.matcher(what).matches()) {
                // FROM scratch prints an empty id: the stage has no image until its first layer
                if (!what.isEmpty()) {
                    stageImages.put(stageIndex, what);
                }
                endStep();
            }
            if (what.startsWith("Running in ")) {
                container = what.substring("Running in ".length()).strip();
            }
            return;
        }
        if (line.startsWith("Removing intermediate container ")) {
            container = null;
            return;
        }
        if (line.startsWith("Successfully built ")
                || line.startsWith("Successfully tagged ")) {
            return;
        }
        if (line.startsWith("[Warning] ")) {
            listener.accept(new BuildEvent.Warning(line.substring("[Warning] ".length()).strip(), OptionalInt.empty()));
            return;
        }
        if (current != null) {
            announce();
            current.tail.add(line + "\n");
            listener.accept(new BuildEvent.Log(current.vertex, stage, current.step, line));
        } else {
            listener.accept(new BuildEvent.Log(null, null, 0, line));
        }
    }

    private void startStep(int n, int total, String instruction) {
        if (FROM.matcher(instruction).matches()) {
            stageIndex++;
            Matcher as = AS_NAME.matcher(instruction);
            stage = as.matches() ? as.group(1) : "stage-" + stageIndex;
        }
        current = new Current(n, total, instruction);
    }

    // a step is announced at its first line that is not " ---> Using cache", so that a cached step
    // is reported only as cached, as BuildKit does
    private void announce() {
        if (current != null && !current.announced && !current.cached) {
            current.announced = true;
            listener.accept(new BuildEvent.StepStarted(stage, current.step, current.total, current.instruction,
                    current.vertex));
        }
    }

    private void endStep() {
        if (current.ended) {
            return;
        }
        current.ended = true;
        if (current.cached) {
            listener.accept(new BuildEvent.StepCached(stage, current.step, current.total, current.instruction,
                    current.vertex));
        } else {
            listener.accept(new BuildEvent.StepCompleted(stage, current.step, current.total, current.instruction,
                    current.vertex, Duration.ofNanos(System.nanoTime() - current.startNanos)));
        }
    }
}
