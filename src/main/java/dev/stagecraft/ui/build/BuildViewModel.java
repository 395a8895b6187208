package dev.stagecraft.ui.build;

import dev.stagecraft.dockerfile.model.ArgDeclaration;
import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import dev.stagecraft.report.MeasuredBuild;
import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.StageSize;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * View model of the Build tab: the options (builder, target, build args, no-cache, pull), the
 * running build's progress per stage and step, its log, each stage's state for the graph, and
 * the session's build history. A build runs on {@code background}; its events are batched onto
 * {@code fx} ({@link BuildEvents}). Call from the FX thread; testable without a display by
 * feeding {@link #begin}, {@link #accept} and {@link #finish} directly.
 */
public final class BuildViewModel {
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<BuilderKind> builder = new SimpleObjectProperty<>(this, "builder", BuilderKind.BUILDKIT);
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<BuildArgRow> args = FXCollections.observableArrayList();
    private final BooleanProperty noCache = new SimpleBooleanProperty(this, "noCache");
    private final BooleanProperty pull = new SimpleBooleanProperty(this, "pull");
    /** The build context folder the user chose; null: the Dockerfile's folder. */
    private final ObjectProperty<Path> contextDir = new SimpleObjectProperty<>(this, "contextDir");
    private final StringProperty platform = new SimpleStringProperty(this, "platform", "");
    /** Image tags, separated by spaces or commas. */
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    /** Labels as {@code key=value}, separated by spaces or commas ({@code key} alone: an empty value). */
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final ReadOnlyStringWrapper contextSummary = new ReadOnlyStringWrapper(this, "contextSummary", "");
    private final ReadOnlyStringWrapper contextWarning = new ReadOnlyStringWrapper(this, "contextWarning");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready to build");
    private final ReadOnlyObjectWrapper<MeasuredBuild> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<BuildRecord> history = FXCollections.observableArrayList();
    private final ObservableList<BuildRecord> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableMap<Integer, String> stageStates = FXCollections.observableHashMap();
    private final ObservableMap<Integer, String> stageStatesView = FXCollections.unmodifiableObservableMap(stageStates);

    private final Map<String, StepRow> stepByKey = new LinkedHashMap<>();
    private boolean targetChosen;
    private String graphTarget;
    private StageGraph building;
    private BuilderKind buildingWith;
    private BuildSession session;
    private long startedNanos;
    private List<String> logBuffer;

    public BuildViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Follows the document: target choices, the graph's target unless the user chose one, its ARGs with defaults. */
    public void setGraph(StageGraph graph) {
        if (graph == null) {
            return;
        }
        List<String> refs = graph.stages().stream().map(Stage::reference).toList();
        if (!refs.equals(targets)) {
            String keep = target.get();
            targets.setAll(refs);
            target.set(keep);
        }
        graphTarget = graph.target() >= 0 ? graph.stages().get(graph.target()).reference() : null;
        if (!targetChosen || !refs.contains(target.get())) {
            targetChosen = false;
            target.set(graphTarget);
        }
        Map<String, BuildArgRow> old = new LinkedHashMap<>();
        args.forEach(a -> old.put(a.name(), a));
        List<BuildArgRow> rows = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (ArgDeclaration a : graph.args()) {
            if (seen.containsKey(a.name())) {
                continue;
            }
            seen.put(a.name(), a.defaultValue());
            BuildArgRow was = old.get(a.name());
            // an edited value survives typing elsewhere; a changed default in the text resets it
            rows.add(was != null && Objects.equals(was.defaultValue(), a.defaultValue())
                    ? was : new BuildArgRow(a.name(), a.defaultValue()));
        }
        if (!rows.equals(new ArrayList<>(args))) {
            args.setAll(rows);
        }
    }

    /** The user picked a target in the options; it sticks until it no longer exists. */
    public void chooseTarget(String reference) {
        targetChosen = reference != null && !reference.equals(graphTarget);
        target.set(reference);
    }

    /**
     * The options for building {@code text} as {@code dockerfile} (which need not exist yet) from the
     * chosen context folder, else {@code defaultContext}.
     */
    public BuildOptions options(Path defaultContext, Path dockerfile, String text) {
        Path context = contextDir.get() != null ? contextDir.get() : defaultContext;
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (BuildArgRow a : args) {
            if (a.changed() || a.defaultValue() == null && !a.valueProperty().get().isEmpty()) {
                buildArgs.put(a.name(), a.valueProperty().get());
            }
        }
        String p = platform.get() == null ? "" : platform.get().strip();
        return new BuildOptions(context, dockerfile, text, target.get(), buildArgs, builder.get(), noCache.get(),
                pull.get(), p.isEmpty() ? null : p, words(tags.get()), labels(labels.get()));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip().split("[\\s,]+"));
    }

    /** {@code a=1 b=two,c} -> {a=1, b=two, c=""}, in order. */
    static Map<String, String> labels(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words(s)) {
            int eq = w.indexOf('=');
            out.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "" : w.substring(eq + 1));
        }
        return out;
    }

    /** Starts a build on the background executor; events and the outcome come back on the FX executor. */
    public void start(Engine engine, BuildOptions options) {
        if (running.get()) {
            return;
        }
        StageGraph graph = StageGraph.of(DockerfileParser.parse(options.text()),
                new GraphOptions(options.target(), options.buildArgs(), options.platform()));
        begin(graph, options.builder());
        BuildEvents events = new BuildEvents(fx, this::acceptAll);
        BuildSession s = new BuildSession(engine, options, events);
        session = s;
        background.execute(() -> {
            MeasuredBuild o;
            try {
                o = MeasuredBuild.run(s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                o = MeasuredBuild.interrupted();
            } catch (Exception e) {
                o = MeasuredBuild.failed("build failed: " + e.getMessage());
            }
            MeasuredBuild done = o;
            events.flushThen(() -> finish(done));
        });
    }

    /** Says why a build cannot start now (no engine). */
    public void unavailable(String why) {
        if (!running.get()) {
            message.set("Cannot build: " + why);
        }
    }

    /** Asks the running build to stop; the UI returns to idle when it has. */
    public void cancel() {
        BuildSession s = session;
        if (s != null && running.get()) {
            message.set("Cancelling\u2026");
            s.cancel();
        }
    }

    /** Resets the progress for a build of {@code graph}'s target with {@code kind}. */
    void begin(StageGraph graph, BuilderKind kind) {
        building = graph;
        buildingWith = kind;
        startedNanos = System.nanoTime();
        stepByKey.clear();
        steps.clear();
        log.clear();
        stageStates.clear();
        outcome.set(null);
        contextSummary.set("");
        contextWarning.set(null);
        List<StageRow> rows = new ArrayList<>();
        for (int i : graph.needed()) {
            Stage s = graph.stages().get(i);
            rows.add(new StageRow(i, s.displayName(), estimatedSteps(s, kind)));
        }
        stages.setAll(rows);
        progress.set(-1); // ProgressBar's "busy, amount unknown" until the first step reports
        running.set(true);
        message.set("Building " + graph.stages().get(graph.target()).displayName() + " with " + kind.label() + "\u2026");
    }

    /**
     * Steps expected before the builder says: the classic builder counts every instruction;
     * BuildKit only those that make a vertex (FROM an image, RUN, COPY, ADD, WORKDIR).
     */
    private static int estimatedSteps(Stage s, BuilderKind kind) {
        boolean fromStep = s.baseStage() == null && !"scratch".equalsIgnoreCase(s.baseResolved());
        if (kind == BuilderKind.CLASSIC) {
            return s.instructionCount();
        }
        long made = s.instructions().stream().skip(1)
                .filter(i -> i.is("RUN") || i.is("COPY") || i.is("ADD") || i.is("WORKDIR")).count();
        return Math.max(1, (int) made + (fromStep ? 1 : 0));
    }

    /** Events in order, on the FX thread; their log lines reach the list in one change. */
    void acceptAll(List<BuildEvent> batch) {
        logBuffer = new ArrayList<>();
        try {
            batch.forEach(this::accept);
        } finally {
            List<String> lines = logBuffer;
            logBuffer = null;
            log.addAll(lines);
        }
    }

    private void addLog(String line) {
        if (logBuffer != null) {
            logBuffer.add(line);
        } else {
            log.add(line);
        }
    }

    /** One build event, on the FX thread. */
    void accept(BuildEvent e) {
        if (building == null) {
            return;
        }
        if (e instanceof BuildEvent.StepEvent step) {
            onStep(step);
        } else if (e instanceof BuildEvent.Log l) {
            for (String line : l.text().split("\r?\n", -1)) {
                addLog(line);
            }
        } else if (e instanceof BuildEvent.Warning w) {
            addLog("WARNING: " + w.text());
        } else if (e instanceof BuildEvent.ImageBuilt b) {
            addLog("image " + b.imageId());
        } else if (e instanceof BuildEvent.Context c) {
            String summary = ByteSize.files(c.files(), c.bytes());
            contextSummary.set(c.warning() == null ? summary : summary + " \u26a0 large");
            contextWarning.set(c.warning());
            addLog("context " + c.directory() + ": " + summary);
            if (c.warning() != null) {
                addLog("WARNING: " + c.warning());
            }
        }
    }

    private void onStep(BuildEvent.StepEvent e) {
        if (e.step() <= 0 || "internal".equals(e.stage())) {
            if (e instanceof BuildEvent.StepStarted) {
                addLog("# " + e.instruction());
            }
            return;
        }
        int stage = StageOfStep.find(building, buildingWith, e);
        StageRow row = stageRow(stage);
        if (row != null && buildingWith == BuilderKind.BUILDKIT && e.total() > 0) {
            row.totalProperty().set(e.total());
        }
        String key = stage + ":" + e.step() + ":" + e.instruction();
        StepRow s = stepByKey.get(key);
        if (s == null) {
            String name = stage >= 0 ? building.stages().get(stage).displayName() : String.valueOf(e.stage());
            s = new StepRow(stage, name, e.step() + "/" + e.total(), e.instruction());
            stepByKey.put(key, s);
            steps.add(s);
        }
        String was = s.stateProperty().get();
        if (e instanceof BuildEvent.StepStarted) {
            if (!StepState.finished(was)) {
                s.startedNanos = System.nanoTime();
                s.stateProperty().set(StepState.RUNNING);
                addLog("#" + s.stageName() + " " + s.step() + " " + e.instruction());
            }
        } else if (e instanceof BuildEvent.StepCached) {
            if (!StepState.DONE.equals(was)) {
                s.stateProperty().set(StepState.CACHED);
                s.durationProperty().set("cached");
            }
        } else if (e instanceof BuildEvent.StepCompleted c) {
            if (!StepState.CACHED.equals(was) || c.duration().toMillis() > 0) {
                s.stateProperty().set(StepState.DONE);
                s.durationProperty().set(seconds(c.duration().toNanos()));
            }
        } else if (e instanceof BuildEvent.StepFailed f) {
            s.stateProperty().set(StepState.FAILED);
            s.durationProperty().set(s.startedNanos > 0 ? seconds(System.nanoTime() - s.startedNanos) : "");
            addLog("ERROR: " + f.error());
        }
        if (row != null) {
            refresh(row);
        }
        refreshProgress();
    }

    private StageRow stageRow(int stage) {
        return stages.stream().filter(r -> r.index() == stage).findFirst().orElse(null);
    }

    private void refresh(StageRow row) {
        int done = 0;
        boolean anyRunning = false;
        boolean failed = false;
        boolean allCached = true;
        for (StepRow s : steps) {
            if (s.stage() != row.index()) {
                continue;
            }
            String st = s.stateProperty().get();
            if (StepState.DONE.equals(st) || StepState.CACHED.equals(st)) {
                done++;
            }
            allCached &= StepState.CACHED.equals(st);
            anyRunning |= StepState.RUNNING.equals(st);
            failed |= StepState.FAILED.equals(st);
        }
        row.doneProperty().set(done);
        String state = failed ? StepState.FAILED : anyRunning ? StepState.RUNNING
                : done >= row.totalProperty().get() ? (allCached ? StepState.CACHED : StepState.DONE)
                : done > 0 ? StepState.RUNNING : StepState.WAITING;
        setStageState(row, state);
    }

    private void setStageState(StageRow row, String state) {
        row.stateProperty().set(state);
        if (StepState.WAITING.equals(state)) {
            stageStates.remove(row.index());
        } else {
            stageStates.put(row.index(), state);
        }
    }

    private void refreshProgress() {
        int done = 0;
        int total = 0;
        for (StageRow r : stages) {
            done += Math.min(r.doneProperty().get(), r.totalProperty().get());
            total += r.totalProperty().get();
        }
        progress.set(total == 0 ? 0 : Math.min(0.99, (double) done / total));
    }

    /** The build ended: success, failure or cancel; records it in the history. */
    void finish(MeasuredBuild o) {
        session = null;
        running.set(false);
        double secs = o.result() != null ? o.result().seconds() : (System.nanoTime() - startedNanos) / 1e9;
        String result;
        if (o.success()) {
            result = "succeeded";
            progress.set(1);
            for (StageRow r : stages) {
                if (!StepState.FAILED.equals(r.stateProperty().get())) {
                    boolean cached = steps.stream().filter(s -> s.stage() == r.index())
                            .allMatch(s -> StepState.CACHED.equals(s.stateProperty().get()))
                            && steps.stream().anyMatch(s -> s.stage() == r.index());
                    r.doneProperty().set(Math.max(r.doneProperty().get(), r.totalProperty().get()));
                    setStageState(r, cached ? StepState.CACHED : StepState.DONE);
                }
            }
            message.set("Built in " + seconds((long) (secs * 1e9)) + ": " + o.report().headline());
        } else if (o.status() == BuildOutcome.Status.CANCELLED) {
            result = "cancelled";
            progress.set(0);
            stageStates.clear();
            stages.forEach(r -> r.stateProperty().set(StepState.WAITING));
            steps.stream().filter(s -> StepState.RUNNING.equals(s.stateProperty().get()))
                    .forEach(s -> s.stateProperty().set(StepState.WAITING));
            message.set("Build cancelled");
        } else {
            result = "failed";
            progress.set(0);
            for (StageRow r : stages) {
                if (StepState.RUNNING.equals(r.stateProperty().get())) {
                    setStageState(r, StepState.WAITING);
                }
            }
            markFailedStage(o);
            message.set(o.message() == null ? "build failed" : o.message());
        }
        String fin = o.success() ? o.report().finalImage().map(StageSize::size).map(ByteSize::format).orElse("") : "";
        String targetName = building != null && building.target() >= 0
                ? building.stages().get(building.target()).displayName() : "";
        history.add(0, new BuildRecord(LocalTime.now().truncatedTo(ChronoUnit.SECONDS), targetName,
                buildingWith == null ? "" : buildingWith.label(), seconds((long) (secs * 1e9)), result, fin));
        outcome.set(o);
    }

    /** The failed step's stage, else the stage holding the failed line. */
    private void markFailedStage(MeasuredBuild o) {
        if (building == null) {
            return;
        }
        int stage = -1;
        if (o.result() != null && o.result().failedStep() != null) {
            stage = StageOfStep.find(building, buildingWith, o.result().failedStep());
        }
        if (stage < 0 && o.failedLine() != null) {
            for (Stage s : building.stages()) {
                if (o.failedLine() >= s.line() && o.failedLine() <= s.endLine()) {
                    stage = s.index();
                }
            }
        }
        StageRow row = stageRow(stage);
        if (row != null) {
            setStageState(row, StepState.FAILED);
        } else if (stage >= 0) {
            stageStates.put(stage, StepState.FAILED);
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    public ObjectProperty<BuilderKind> builderProperty() {
        return builder;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<BuildArgRow> args() {
        return args;
    }

    public ObjectProperty<Path> contextDirProperty() {
        return contextDir;
    }

    public StringProperty platformProperty() {
        return platform;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty labelsProperty() {
        return labels;
    }

    /** What the last build sent: "12 files, 3.4 MB" (marked when over 100 MB); empty before. */
    public ReadOnlyStringProperty contextSummaryProperty() {
        return contextSummary.getReadOnlyProperty();
    }

    /** Above 100 MB, what is largest and what to do (null otherwise). */
    public ReadOnlyStringProperty contextWarningProperty() {
        return contextWarning.getReadOnlyProperty();
    }

    public BooleanProperty noCacheProperty() {
        return noCache;
    }

    public BooleanProperty pullProperty() {
        return pull;
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

    public ObservableList<StageRow> stages() {
        return stagesView;
    }

    public ObservableList<StepRow> steps() {
        return stepsView;
    }

    public ObservableList<String> log() {
        return logView;
    }

    public ObservableList<BuildRecord> history() {
        return historyView;
    }

    /** Stage index → "running", "cached", "done" or "failed"; absent while waiting. */
    public ObservableMap<Integer, String> stageStates() {
        return stageStatesView;
    }
}
