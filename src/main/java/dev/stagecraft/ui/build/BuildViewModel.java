package dev.stagecraft.ui.build;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.StageSize;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * View model of one document's Build tab: its options ({@link BuildOptionsModel}), the running
 * build's progress as the {@link ProgressReducer} folds its events, the log, and the document's
 * build history. A build runs on {@code background}; its events are batched onto {@code fx}
 * ({@link BuildEvents}); cancelling returns at once and stops the build on {@code background}.
 * Call from the FX thread; testable without a display by feeding {@link #begin}, {@link #acceptAll}
 * and {@link #finish} directly.
 */
public final class BuildViewModel {
    static final String READY = "Ready to build";

    private final Executor background;
    private final Executor fx;
    private final BuildOptionsModel options = new BuildOptionsModel();
    private final BuildHistory history = new BuildHistory();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", READY);
    private final ReadOnlyObjectWrapper<MeasuredBuild> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper contextSummary = new ReadOnlyStringWrapper(this, "contextSummary", "");
    private final ReadOnlyStringWrapper contextWarning = new ReadOnlyStringWrapper(this, "contextWarning");
    private final ObservableList<StageStatus> stages = FXCollections.observableArrayList();
    private final ObservableList<StageStatus> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<StepStatus> steps = FXCollections.observableArrayList();
    private final ObservableList<StepStatus> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableMap<Integer, StepState> stageStates = FXCollections.observableHashMap();
    private final ObservableMap<Integer, StepState> stageStatesView = FXCollections.unmodifiableObservableMap(stageStates);

    private ProgressReducer reducer;
    private BuilderKind buildingWith;
    private BuildSession session;
    private long startedNanos;
    private boolean unavailable;

    public BuildViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** The options form. */
    public BuildOptionsModel options() {
        return options;
    }

    /** Follows the document's graph (targets, ARGs). */
    public void setGraph(StageGraph graph) {
        options.setGraph(graph);
    }

    /** Starts a build on the background executor; events and the outcome come back on the FX executor. */
    public void start(Engine engine, BuildOptions buildOptions) {
        if (running.get()) {
            return;
        }
        StageGraph graph = StageGraph.of(DockerfileParser.parse(buildOptions.text()),
                new GraphOptions(buildOptions.target(), buildOptions.buildArgs(), buildOptions.platform()));
        begin(graph, buildOptions.builder());
        BuildEvents events = new BuildEvents(fx, this::acceptAll);
        BuildSession s = new BuildSession(engine, buildOptions, events);
        session = s;
        background.execute(() -> {
            MeasuredBuild o;
            try {
                o = MeasuredBuild.run(s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                o = MeasuredBuild.interrupted();
            } catch (RuntimeException | StackOverflowError e) {
                System.getLogger(BuildViewModel.class.getName()).log(System.Logger.Level.ERROR, "build failed", e);
                o = MeasuredBuild.failed("build failed: " + e.getMessage());
            }
            MeasuredBuild done = o;
            events.flushThen(() -> finish(done));
        });
    }

    /** Says why a build cannot start now (no engine); cleared when an engine answers again. */
    public void unavailable(String why) {
        if (!running.get()) {
            unavailable = true;
            message.set("Cannot build: " + why);
        }
    }

    /** An engine answers again: a "Cannot build" message no longer holds. */
    public void engineAvailable() {
        if (unavailable && !running.get()) {
            unavailable = false;
            message.set(READY);
        }
    }

    /**
     * Asks the running build to stop and returns at once (the session stops the build on its own
     * threads); the UI returns to idle when the build has ended.
     */
    public void cancel() {
        BuildSession s = session;
        if (s != null && running.get()) {
            message.set("Cancelling\u2026");
            s.cancel();
        }
    }

    /** Resets the progress for a build of {@code graph}'s target with {@code kind}. */
    void begin(StageGraph graph, BuilderKind kind) {
        reducer = new ProgressReducer(graph, kind, System::nanoTime);
        buildingWith = kind;
        startedNanos = System.nanoTime();
        unavailable = false;
        steps.clear();
        log.clear();
        stageStates.clear();
        outcome.set(null);
        publish();
        running.set(true);
        message.set("Building " + reducer.targetName() + " with " + kind.label() + "\u2026");
    }

    /** Events in order, on the FX thread; what they change reaches the lists in one change each. */
    void acceptAll(List<BuildEvent> batch) {
        if (reducer == null) {
            return;
        }
        batch.forEach(reducer::accept);
        publish();
    }

    /** One event, on the FX thread (tests). */
    void accept(BuildEvent e) {
        acceptAll(List.of(e));
    }

    /** Copies what the reducer knows into the observable state, touching only what changed. */
    private void publish() {
        sync(steps, reducer.steps());
        sync(stages, reducer.stages());
        Map<Integer, StepState> states = reducer.stageStates();
        stageStates.keySet().retainAll(states.keySet());
        states.forEach((k, v) -> {
            if (stageStates.get(k) != v) {
                stageStates.put(k, v);
            }
        });
        progress.set(reducer.progress());
        contextSummary.set(reducer.contextSummary());
        contextWarning.set(reducer.contextWarning());
        List<String> lines = reducer.drainLog();
        if (!lines.isEmpty()) {
            log.addAll(lines);
        }
    }

    private static <T> void sync(ObservableList<T> shown, List<T> now) {
        if (shown.size() > now.size()) {
            shown.setAll(now);
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!shown.get(i).equals(now.get(i))) {
                shown.set(i, now.get(i));
            }
        }
        if (now.size() > shown.size()) {
            shown.addAll(now.subList(shown.size(), now.size()));
        }
    }

    /** The build ended: success, failure or cancel; records it in the history. */
    void finish(MeasuredBuild o) {
        session = null;
        running.set(false);
        BuildEnd end = endOf(o);
        double secs = o.result() != null ? o.result().seconds() : (System.nanoTime() - startedNanos) / 1e9;
        if (reducer != null) {
            reducer.finish(end, o.result() == null ? null : o.result().failedStep(), o.failedLine());
            publish();
        }
        message.set(switch (end) {
            case SUCCEEDED -> "Built in " + ProgressReducer.seconds((long) (secs * 1e9)) + ": " + o.report().headline();
            case CANCELLED -> "Build cancelled";
            case FAILED -> o.message() == null ? "build failed" : o.message();
        });
        String fin = end == BuildEnd.SUCCEEDED
                ? o.report().finalImage().map(StageSize::size).map(ByteSize::format).orElse("") : "";
        history.add(BuildHistory.now(reducer == null ? "" : reducer.targetName(),
                buildingWith == null ? "" : buildingWith.label(), ProgressReducer.seconds((long) (secs * 1e9)), end, fin));
        outcome.set(o);
    }

    /** The one place a build's outcome is read as success, failure or cancel. */
    public static BuildEnd endOf(MeasuredBuild o) {
        if (o.success()) {
            return BuildEnd.SUCCEEDED;
        }
        return o.status() == BuildOutcome.Status.CANCELLED ? BuildEnd.CANCELLED : BuildEnd.FAILED;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: what is happening, or how the last build ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MeasuredBuild> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** What the last build sent: "12 files, 3.4 MB" (marked when over 100 MB); empty before. */
    public ReadOnlyStringProperty contextSummaryProperty() {
        return contextSummary.getReadOnlyProperty();
    }

    /** Above 100 MB, what is largest and what to do (null otherwise). */
    public ReadOnlyStringProperty contextWarningProperty() {
        return contextWarning.getReadOnlyProperty();
    }

    public ObservableList<StageStatus> stages() {
        return stagesView;
    }

    public ObservableList<StepStatus> steps() {
        return stepsView;
    }

    public ObservableList<String> log() {
        return logView;
    }

    public ObservableList<BuildRecord> history() {
        return history.records();
    }

    /** Stage index → state for the graph; absent while waiting. */
    public ObservableMap<Integer, StepState> stageStates() {
        return stageStatesView;
    }
}
