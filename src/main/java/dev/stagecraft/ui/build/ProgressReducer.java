package dev.stagecraft.ui.build;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.engine.ByteSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Folds one build's events into what the Build tab and the graph show: each step's state and time,
 * each needed stage's steps done and state, the overall progress, the log lines and the context
 * line. No JavaFX and no threads: one caller feeds it events in order (the view model, on the FX
 * thread; tests, from recorded event streams) and reads the results.
 */
public final class ProgressReducer {
    private final StageGraph graph;
    private final BuilderKind kind;
    private final LongSupplier clock;
    private final List<StepStatus> steps = new ArrayList<>();
    private final List<Long> stepStarted = new ArrayList<>();
    private final Map<String, Integer> stepByKey = new HashMap<>();
    private final List<StageStatus> stages = new ArrayList<>();
    private final Map<Integer, Integer> rowOfStage = new HashMap<>();
    /** States of stages the build does not list (a failed stage found only by its line). */
    private final Map<Integer, StepState> extraStates = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private double progress = -1;
    private String contextSummary = "";
    private String contextWarning;

    /** A build of {@code graph}'s target with {@code kind}; {@code clock} gives nanoseconds (System::nanoTime). */
    public ProgressReducer(StageGraph graph, BuilderKind kind, LongSupplier clock) {
        this.graph = graph;
        this.kind = kind;
        this.clock = clock;
        for (int i : graph.needed()) {
            Stage s = graph.stages().get(i);
            rowOfStage.put(i, stages.size());
            stages.add(new StageStatus(i, s.displayName(), 0, estimatedSteps(s, kind), StepState.WAITING));
        }
    }

    /** The target's name as users see it ("#1" for an unnamed stage), or empty without stages. */
    public String targetName() {
        return graph.target() >= 0 ? graph.stages().get(graph.target()).displayName() : "";
    }

    /**
     * Steps expected before the builder says: the classic builder counts every instruction;
     * BuildKit only those that make a vertex (FROM an image, RUN, COPY, ADD, WORKDIR).
     */
    static int estimatedSteps(Stage s, BuilderKind kind) {
        if (kind == BuilderKind.CLASSIC) {
            return s.instructionCount();
        }
        boolean fromStep = s.baseStage() == null && !"scratch".equalsIgnoreCase(s.baseResolved());
        long made = s.instructions().stream().skip(1)
                .filter(i -> i.is("RUN") || i.is("COPY") || i.is("ADD") || i.is("WORKDIR")).count();
        return Math.max(1, (int) made + (fromStep ? 1 : 0));
    }

    /** One event, in the order the builder sent them. */
    public void accept(BuildEvent e) {
        if (e instanceof BuildEvent.StepEvent step) {
            onStep(step);
        } else if (e instanceof BuildEvent.Log l) {
            Collections.addAll(log, l.text().split("\r?\n", -1));
        } else if (e instanceof BuildEvent.Warning w) {
            log.add("WARNING: " + w.text());
        } else if (e instanceof BuildEvent.ImageBuilt b) {
            log.add("image " + b.imageId());
        } else if (e instanceof BuildEvent.Context c) {
            String summary = ByteSize.files(c.files(), c.bytes());
            contextSummary = c.warning() == null ? summary : summary + " \u26a0 large";
            contextWarning = c.warning();
            log.add("context " + c.directory() + ": " + summary);
            if (c.warning() != null) {
                log.add("WARNING: " + c.warning());
            }
        }
    }

    private void onStep(BuildEvent.StepEvent e) {
        if (e.step() <= 0 || "internal".equals(e.stage())) {
            if (e instanceof BuildEvent.StepStarted) {
                log.add("# " + e.instruction());
            }
            return;
        }
        int stage = StageOfStep.find(graph, kind, e);
        Integer row = rowOfStage.get(stage);
        if (row != null && kind == BuilderKind.BUILDKIT && e.total() > 0) {
            StageStatus r = stages.get(row);
            stages.set(row, new StageStatus(r.index(), r.name(), r.done(), e.total(), r.state()));
        }
        String key = stage + ":" + e.step() + ":" + e.instruction();
        Integer at = stepByKey.get(key);
        if (at == null) {
            String name = stage >= 0 ? graph.stages().get(stage).displayName() : String.valueOf(e.stage());
            at = steps.size();
            stepByKey.put(key, at);
            steps.add(new StepStatus(stage, name, e.step() + "/" + e.total(), e.instruction(), StepState.WAITING, ""));
            stepStarted.add(0L);
        }
        StepStatus s = steps.get(at);
        StepState was = s.state();
        if (e instanceof BuildEvent.StepStarted) {
            if (!was.finished()) {
                stepStarted.set(at, clock.getAsLong());
                steps.set(at, s.with(StepState.RUNNING, s.duration()));
                log.add("#" + s.stageName() + " " + s.step() + " " + e.instruction());
            }
        } else if (e instanceof BuildEvent.StepCached) {
            if (was != StepState.DONE) {
                steps.set(at, s.with(StepState.CACHED, "cached"));
            }
        } else if (e instanceof BuildEvent.StepCompleted c) {
            if (was != StepState.CACHED || c.duration().toMillis() > 0) {
                steps.set(at, s.with(StepState.DONE, seconds(c.duration().toNanos())));
            }
        } else if (e instanceof BuildEvent.StepFailed f) {
            long started = stepStarted.get(at);
            steps.set(at, s.with(StepState.FAILED, started > 0 ? seconds(clock.getAsLong() - started) : ""));
            log.add("ERROR: " + f.error());
        }
        if (row != null) {
            refresh(row);
        }
        refreshProgress();
    }

    private void refresh(int row) {
        StageStatus r = stages.get(row);
        int done = 0;
        boolean anyRunning = false;
        boolean failed = false;
        boolean allCached = true;
        for (StepStatus s : steps) {
            if (s.stage() != r.index()) {
                continue;
            }
            if (s.state() == StepState.DONE || s.state() == StepState.CACHED) {
                done++;
            }
            allCached &= s.state() == StepState.CACHED;
            anyRunning |= s.state() == StepState.RUNNING;
            failed |= s.state() == StepState.FAILED;
        }
        StepState state = failed ? StepState.FAILED : anyRunning ? StepState.RUNNING
                : done >= r.total() ? (allCached ? StepState.CACHED : StepState.DONE)
                : done > 0 ? StepState.RUNNING : StepState.WAITING;
        stages.set(row, new StageStatus(r.index(), r.name(), done, r.total(), state));
    }

    private void refreshProgress() {
        int done = 0;
        int total = 0;
        for (StageStatus r : stages) {
            done += Math.min(r.done(), r.total());
            total += r.total();
        }
        progress = total == 0 ? 0 : Math.min(0.99, (double) done / total);
    }

    /**
     * The build ended. Succeeded: every stage is done (cached when all its steps were). Cancelled:
     * back to waiting. Failed: the failed step's stage, else the stage holding {@code failedLine}, is
     * marked failed.
     */
    public void finish(BuildEnd end, BuildEvent.StepFailed failedStep, Integer failedLine) {
        switch (end) {
            case SUCCEEDED -> {
                progress = 1;
                for (int row = 0; row < stages.size(); row++) {
                    StageStatus r = stages.get(row);
                    if (r.state() != StepState.FAILED) {
                        int index = r.index();
                        boolean any = steps.stream().anyMatch(s -> s.stage() == index);
                        boolean cached = any && steps.stream().filter(s -> s.stage() == index)
                                .allMatch(s -> s.state() == StepState.CACHED);
                        stages.set(row, new StageStatus(index, r.name(), Math.max(r.done(), r.total()), r.total(),
                                cached ? StepState.CACHED : StepState.DONE));
                    }
                }
            }
            case CANCELLED -> {
                progress = 0;
                extraStates.clear();
                stages.replaceAll(r -> new StageStatus(r.index(), r.name(), r.done(), r.total(), StepState.WAITING));
                steps.replaceAll(s -> s.state() == StepState.RUNNING ? s.with(StepState.WAITING, s.duration()) : s);
            }
            case FAILED -> {
                progress = 0;
                stages.replaceAll(r -> r.state() == StepState.RUNNING
                        ? new StageStatus(r.index(), r.name(), r.done(), r.total(), StepState.WAITING) : r);
                markFailedStage(failedStep, failedLine);
            }
            default -> throw new IllegalArgumentException(String.valueOf(end));
        }
    }

    private void markFailedStage(BuildEvent.StepFailed failedStep, Integer failedLine) {
        int stage = failedStep == null ? -1 : StageOfStep.find(graph, kind, failedStep);
        if (stage < 0 && failedLine != null) {
            for (Stage s : graph.stages()) {
                if (failedLine >= s.line() && failedLine <= s.endLine()) {
                    stage = s.index();
                }
            }
        }
        Integer row = rowOfStage.get(stage);
        if (row != null) {
            StageStatus r = stages.get(row);
            stages.set(row, new StageStatus(r.index(), r.name(), r.done(), r.total(), StepState.FAILED));
        } else if (stage >= 0) {
            extraStates.put(stage, StepState.FAILED);
        }
    }

    /** The steps in the order they first appeared. */
    public List<StepStatus> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** The stages the target needs, in file order. */
    public List<StageStatus> stages() {
        return Collections.unmodifiableList(stages);
    }

    /** Stage index → state, for the graph; stages still waiting are absent. */
    public Map<Integer, StepState> stageStates() {
        Map<Integer, StepState> out = new LinkedHashMap<>();
        for (StageStatus r : stages) {
            if (r.state() != StepState.WAITING) {
                out.put(r.index(), r.state());
            }
        }
        out.putAll(extraStates);
        return out;
    }

    /** Done fraction in [0, 1]; -1 until the first step reports (a busy bar, amount unknown). */
    public double progress() {
        return progress;
    }

    /** Log lines since the last call, oldest first (they are handed over, not kept). */
    public List<String> drainLog() {
        if (log.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(log);
        log.clear();
        return out;
    }

    /** What the build sent: "12 files, 3.4 MB" (marked when large); empty before it says. */
    public String contextSummary() {
        return contextSummary;
    }

    /** Above 100 MB, what is largest and what to do; null otherwise. */
    public String contextWarning() {
        return contextWarning;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
